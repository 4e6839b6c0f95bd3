import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { appHandlers } from '../../../src/main/ipc/handlers/appHandlers'
import { createAppUrlCheck, isTrustedSender } from '../../../src/main/ipc/senderPolicy'
import { LeavePrompts } from '../../../src/main/windows/LeavePrompts'

// The Electron binary cannot run here: the dialog is a mock that answers with a chosen button.
const showMessageBoxSync = vi.fn<(window: unknown, options: Record<string, unknown>) => number>()
vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: (window: unknown, options: Record<string, unknown>) =>
      showMessageBoxSync(window, options)
  }
}))
const { askBeforeUnload } = await import('../../../src/main/windows/askBeforeUnload.electron')

type Listener = (event: { preventDefault: () => void }) => void
/** A BrowserWindow as far as the guard uses it: its id, its page's events, 'closed'. */
function fakeWindow(id: number): {
  window: Parameters<typeof askBeforeUnload>[0]
  pageObjects: () => boolean
  close: () => void
} {
  const on = new Map<string, Listener>()
  let closed: (() => void) | undefined
  const window = {
    id,
    webContents: { on: (name: string, listener: Listener) => on.set(name, listener) },
    once: (name: string, listener: () => void) => {
      if (name === 'closed') closed = listener
    }
  } as unknown as Parameters<typeof askBeforeUnload>[0]
  return {
    window,
    // Electron's will-prevent-unload: true when the unload goes ahead (preventDefault called).
    pageObjects: () => {
      let proceeds = false
      on.get('will-prevent-unload')?.({ preventDefault: () => (proceeds = true) })
      return proceeds
    },
    close: () => closed?.()
  }
}

const FRENCH = {
  title: 'Quitter sans enregistrer\u00a0?',
  detail: 'Vos modifications des paramètres ne sont pas enregistrées.',
  discard: 'Abandonner les modifications',
  keepEditing: 'Continuer à modifier'
}
const page = (windowId: number): Sender => ({
  windowId,
  url: 'app://console/index.html',
  isTopFrame: true
})

describe('asking before a window with unsaved edits unloads', () => {
  afterEach(() => showMessageBoxSync.mockReset())

  it("asks in the page's words; Keep editing (the default) keeps the page, Discard lets it go", async () => {
    const prompts = new LeavePrompts()
    const handlers = appHandlers({ version: '1', dataDir: '/d', runtime: 'electron' }, prompts)
    const dispatch = createDispatch(
      handlers as Partial<AppHandlers> as AppHandlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    expect(await dispatch(page(3), 'app.leavePrompt', { prompt: FRENCH })).toEqual({
      ok: true,
      data: null
    })
    const { window, pageObjects } = fakeWindow(3)
    askBeforeUnload(window, prompts)

    showMessageBoxSync.mockReturnValueOnce(0)
    expect(pageObjects()).toBe(false)
    expect(showMessageBoxSync).toHaveBeenCalledWith(window, {
      type: 'question',
      title: FRENCH.title,
      message: FRENCH.title,
      detail: FRENCH.detail,
      buttons: [FRENCH.keepEditing, FRENCH.discard],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    })
    showMessageBoxSync.mockReturnValueOnce(1)
    expect(pageObjects()).toBe(true)
  })

  it('keeps each window to its own words, falls back to English, and forgets a closed window', () => {
    const prompts = new LeavePrompts()
    prompts.set(3, FRENCH)
    prompts.set(null, FRENCH) // a request with no window behind it changes nothing
    expect(prompts.for(4).title).toBe('Leave without saving?')
    const { window, close } = fakeWindow(3)
    askBeforeUnload(window, prompts)
    expect(prompts.for(3)).toEqual(FRENCH)
    close()
    expect(prompts.for(3).title).toBe('Leave without saving?')
    prompts.set(4, FRENCH)
    prompts.set(4, null)
    expect(prompts.for(4).detail).toBe('Some changes are not saved.')
  })

  it('refuses a prompt that is not plain words', async () => {
    const dispatch = createDispatch(
      appHandlers(
        { version: '1', dataDir: '/d', runtime: 'electron' },
        new LeavePrompts()
      ) as Partial<AppHandlers> as AppHandlers,
      isTrustedSender(createAppUrlCheck()),
      () => {}
    )
    const answer = await dispatch(page(3), 'app.leavePrompt', {
      prompt: { ...FRENCH, detail: '', extra: 1 }
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
