import { app, BrowserWindow } from 'electron'

/**
 * Calls `close` once every other window has closed: a hidden helper window must not keep the
 * app alive ('window-all-closed' waits for every window, hidden ones too). Returns the unhook.
 */
export function closeWhenAlone(helper: BrowserWindow, close: () => void): () => void {
  const check = (): void => {
    const others = BrowserWindow.getAllWindows().filter((w) => w !== helper && !w.isDestroyed())
    if (others.length === 0) close()
  }
  const watch = (window: BrowserWindow): void => {
    if (window !== helper) window.once('closed', check)
  }
  const onCreated = (_event: unknown, window: BrowserWindow): void => watch(window)
  BrowserWindow.getAllWindows().forEach(watch)
  app.on('browser-window-created', onCreated)
  return () => {
    app.off('browser-window-created', onCreated)
    for (const window of BrowserWindow.getAllWindows()) window.off('closed', check)
  }
}
