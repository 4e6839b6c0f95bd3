import { dialog, type BrowserWindow } from 'electron'
import type { LeavePrompts } from './LeavePrompts'

/**
 * The page objects to unloading (unsaved edits: its beforeunload handler said so). Electron
 * shows no prompt and just keeps the page, so closing the window or reloading would seem to do
 * nothing: ask in the page's words, keeping the edits unless the user chooses to discard them.
 */
export function askBeforeUnload(window: BrowserWindow, prompts: LeavePrompts): void {
  const id = window.id
  window.webContents.on('will-prevent-unload', (event) => {
    const prompt = prompts.for(id)
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: prompt.title,
      message: prompt.title,
      detail: prompt.detail,
      buttons: [prompt.keepEditing, prompt.discard],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    })
    // preventDefault here overrides the page's objection: the unload goes ahead.
    if (choice === 1) event.preventDefault()
  })
  window.once('closed', () => prompts.forget(id))
}
