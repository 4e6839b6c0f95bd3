import { BrowserWindow, dialog, systemPreferences, type MessageBoxOptions } from 'electron'
import type { OsMicrophoneConsent } from './permissions.electron'

const REFUSED: MessageBoxOptions = {
  type: 'warning',
  message: 'macOS does not let OutdoorGear Voice Console use the microphone',
  detail:
    'Calls need it. Allow OutdoorGear Voice Console in System Settings → Privacy & Security → ' +
    'Microphone, then quit and reopen the console (macOS applies the change on the next start).',
  buttons: ['OK']
}

/**
 * macOS keeps its own per-app consent to the microphone; without it a call records silence.
 * So a call's microphone request first asks macOS (a prompt the first time, the stored answer
 * after), and a refusal refuses the page's request too (the call fails with "Permission
 * denied") and says where to change it. Other systems have no such consent: undefined.
 */
export function macMicrophoneConsent(
  platform: NodeJS.Platform = process.platform,
  log: (message: string, error: unknown) => void = console.error
): OsMicrophoneConsent | undefined {
  if (platform !== 'darwin') return undefined
  return async (contents) => {
    const granted = await systemPreferences.askForMediaAccess('microphone')
    if (!granted) {
      const window = BrowserWindow.fromWebContents(contents)
      const shown = window ? dialog.showMessageBox(window, REFUSED) : dialog.showMessageBox(REFUSED)
      shown.catch((error: unknown) => log('The microphone notice could not be shown:', error))
    }
    return granted
  }
}
