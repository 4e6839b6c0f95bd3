import { join } from 'node:path'
import { BrowserWindow } from 'electron'
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
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(join(outDir, 'renderer', 'index.html'))
  return window
}
