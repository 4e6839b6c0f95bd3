import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

const setAppUserModelId = vi.fn()
vi.mock('electron', () => ({ app: { setAppUserModelId } }))

const { APP_ID, nameAppForWindows } =
  await import('../../../src/main/windows/appUserModelId.electron')

describe('nameAppForWindows', () => {
  it('names the app on Windows only, with the appId the installer gives its shortcut', () => {
    nameAppForWindows('linux')
    nameAppForWindows('darwin')
    expect(setAppUserModelId).not.toHaveBeenCalled()
    nameAppForWindows('win32')
    expect(setAppUserModelId).toHaveBeenCalledWith(APP_ID)
    const builderConfig = readFileSync('electron-builder.yml', 'utf8')
    expect(builderConfig).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'))
  })
})
