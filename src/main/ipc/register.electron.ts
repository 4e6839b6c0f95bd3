import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../shared/ipc/channels'
import type { EventName, Events } from '../../shared/ipc/contract'
import type { Dispatch, Sender } from './dispatch'

/** Builds the plain Sender the dispatcher checks, from what Electron knows about the frame. */
export function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame
  return {
    windowId: BrowserWindow.fromWebContents(event.sender)?.id ?? null,
    url: frame?.url ?? '',
    isTopFrame: frame !== null && frame === event.sender.mainFrame
  }
}

export function registerIpc(dispatch: Dispatch): () => void {
  ipcMain.handle(REQUEST_CHANNEL, (event, name: unknown, input: unknown) =>
    dispatch(senderOf(event), name, input)
  )
  return () => ipcMain.removeHandler(REQUEST_CHANNEL)
}

export function broadcast<E extends EventName>(name: E, payload: Events[E]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload)
  }
}
