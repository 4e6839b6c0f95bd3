import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import type { FileDialogs } from './FileDialogs'

const csv = [{ name: 'CSV files', extensions: ['csv'] }]

const catalogFilters = {
  products: [{ name: 'Products (CSV or JSON)', extensions: ['csv', 'json'] }],
  orders: [{ name: 'Orders (CSV or JSON)', extensions: ['csv', 'json'] }],
  knowledge: [{ name: 'Knowledge base (JSON)', extensions: ['json'] }]
}

async function pickToOpen(filters: Electron.FileFilter[]): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow()
  const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters }
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

async function pickToSave(
  suggestedName: string,
  filters: Electron.FileFilter[]
): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow()
  const options: Electron.SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters
  }
  const result = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options)
  return result.canceled || !result.filePath ? null : result.filePath
}

export const electronFileDialogs: FileDialogs = {
  pickCsvToOpen: () => pickToOpen(csv),
  pickCatalogFileToOpen: (kind) => pickToOpen(catalogFilters[kind]),
  pickCsvToSave: (suggestedName) => pickToSave(suggestedName, csv),
  pickPdfToSave: (suggestedName) =>
    pickToSave(suggestedName, [{ name: 'PDF documents', extensions: ['pdf'] }])
}
