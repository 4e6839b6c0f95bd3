import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import type { FileDialogs } from './FileDialogs'

const csv = [{ name: 'CSV files', extensions: ['csv'] }]

export const electronFileDialogs: FileDialogs = {
  async pickCsvToOpen() {
    const parent = BrowserWindow.getFocusedWindow()
    const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: csv }
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  },
  async pickCsvToSave(suggestedName) {
    const parent = BrowserWindow.getFocusedWindow()
    const options: Electron.SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: csv
    }
    const result = parent
      ? await dialog.showSaveDialog(parent, options)
      : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
