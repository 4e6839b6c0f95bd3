import { app } from 'electron'

/** electron-builder.yml's appId, which its Windows installer gives the Start-menu shortcut. */
export const APP_ID = 'com.outdoorgear.voiceconsole'

/**
 * Windows shows toasts (the alert notifications) only for a process that names the
 * AppUserModelID of an installed shortcut; it must be named before any window opens.
 */
export function nameAppForWindows(platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID)
}
