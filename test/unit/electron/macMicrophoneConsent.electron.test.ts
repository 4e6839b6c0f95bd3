import { describe, expect, it, vi } from 'vitest'

const askForMediaAccess = vi.fn<(type: string) => Promise<boolean>>()
const showMessageBox = vi.fn<(...args: unknown[]) => Promise<{ response: number }>>()
const window = { id: 1 }
let windowOf: unknown = window
vi.mock('electron', () => ({
  systemPreferences: { askForMediaAccess: (type: string) => askForMediaAccess(type) },
  dialog: { showMessageBox: (...args: unknown[]) => showMessageBox(...args) },
  BrowserWindow: { fromWebContents: () => windowOf }
}))

const { macMicrophoneConsent } =
  await import('../../../src/main/windows/macMicrophoneConsent.electron')
const contents = {} as never

describe('macMicrophoneConsent', () => {
  it('asks nothing outside macOS', () => {
    expect(macMicrophoneConsent('win32')).toBeUndefined()
    expect(macMicrophoneConsent('linux')).toBeUndefined()
  })

  it('asks macOS for the microphone and passes its answer on', async () => {
    askForMediaAccess.mockResolvedValueOnce(true)
    expect(await macMicrophoneConsent('darwin')!(contents)).toBe(true)
    expect(askForMediaAccess).toHaveBeenCalledWith('microphone')
    expect(showMessageBox).not.toHaveBeenCalled()
  })

  it('says where to allow it when macOS refuses, on the window that asked', async () => {
    askForMediaAccess.mockResolvedValue(false)
    showMessageBox.mockResolvedValue({ response: 0 })
    expect(await macMicrophoneConsent('darwin')!(contents)).toBe(false)
    const [parent, options] = showMessageBox.mock.calls[0]!
    expect(parent).toBe(window)
    expect(options).toMatchObject({ type: 'warning' })
    expect(JSON.stringify(options)).toContain('Privacy & Security')
    // No window (it closed meanwhile): the notice still shows, and a failure to show is logged.
    windowOf = null
    showMessageBox.mockRejectedValueOnce(new Error('no display'))
    const log = vi.fn()
    expect(await macMicrophoneConsent('darwin', log)!(contents)).toBe(false)
    expect(showMessageBox.mock.calls[1]).toHaveLength(1)
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(
        'The microphone notice could not be shown:',
        expect.any(Error)
      )
    )
  })
})
