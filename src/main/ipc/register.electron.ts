import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../shared/ipc/channels'
import type { EventName, Events } from '../../shared/ipc/contract'
import type { Dispatch, Sender } from './dispatch'
import { FIXED_FAILURES } from './failureMessage'

/** Builds the plain Sender the dispatcher checks, from what Electron knows about the frame. */
export function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame
  return {
    windowId: BrowserWindow.fromWebContents(event.sender)?.id ?? null,
    url: frame?.url ?? '',
    isTopFrame: frame !== null && frame === event.sender.mainFrame
  }
}

/**
 * The dispatcher answers every request as data; should anything here throw anyway, Electron would
 * hand the renderer the raw error text, so it is logged and answered with a fixed sentence.
 */
export function registerIpc(
  dispatch: Dispatch,
  log: (message: string, error: unknown) => void = console.error
): () => void {
  ipcMain.handle(REQUEST_CHANNEL, async (event, name: unknown, input: unknown) => {
    try {
      return await dispatch(senderOf(event), name, input)
    } catch (error) {
      log('IPC request failed outside its handler:', error)
      return { ok: false, error: { code: 'failed', message: FIXED_FAILURES.internal } }
    }
  })
  return () => ipcMain.removeHandler(REQUEST_CHANNEL)
}

export function broadcast<E extends EventName>(name: E, payload: Events[E]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload)
  }
}
