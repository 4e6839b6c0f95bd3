import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import { appPageUrl } from './appOrigin'
import { guardNavigation } from './navigationGuards.electron'

export const secureWebPreferences = (preloadPath: string): Electron.WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webviewTag: false,
  webSecurity: true
})

export function createMainWindow(
  outDir: string,
  isAppUrl: (url: string) => boolean,
  devServerUrl?: string
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'OutdoorGear Voice Console',
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.cjs'))
  })
  guardNavigation(window.webContents, isAppUrl)
  window.once('ready-to-show', () => window.show())
  // Packaged: app://console/index.html (appProtocol.electron.ts serves out/renderer).
  const loading = window.loadURL(devServerUrl ?? appPageUrl('index.html'))
  // A page that fails to load never becomes ready to show: show the window anyway, or the app
  // would run invisible and the single-instance lock would turn every later launch into nothing.
  loading.catch((error: unknown) => {
    console.error('The console page could not be loaded:', error)
    if (!window.isDestroyed()) window.show()
  })
  return window
}
