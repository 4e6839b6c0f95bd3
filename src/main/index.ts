import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, Notification, session } from 'electron'
import { resolveDataDir } from './appDirs'
import { electronFileDialogs } from './dialogs/fileDialogs.electron'
import { createDispatch } from './ipc/dispatch'
import { broadcast, registerIpc } from './ipc/register.electron'
import { createAppUrlCheck, isTrustedSender } from './ipc/senderPolicy'
import { workerLabCsvReader } from './sessions/readLabCsvInWorker'
import labCsvWorkerPath from './sessions/labCsvWorker?modulePath'
import { catalogIndexRoot } from './catalog/CatalogService'
import { offlineEmbeddingsInWorker } from './catalog/embeddings/offlineEmbeddingsInWorker'
import offlineEmbeddingsWorkerPath from './catalog/embeddings/offlineEmbeddingsWorker?modulePath'
import { safeStorageEncryptor } from './secrets/safeStorageEncryptor.electron'
import { createAlertNotifier } from './escalation/alertNotifier'
import { createServices, Services } from './services'
import { createMainWindow } from './windows/mainWindow.electron'
import { allowMicrophoneOnly } from './windows/permissions.electron'

// Glue only: resolve folders, build services, harden the session, register IPC, open the window.
const outDir = join(import.meta.dirname, '..')
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const rendererFileUrl = pathToFileURL(join(outDir, 'renderer', 'index.html')).href
const isAppUrl = createAppUrlCheck(rendererFileUrl, devServerUrl)
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(app.getAppPath(), 'resources')

let services: Services | undefined

/** An escalation alert reaches the supervisor even when the console is not in front. */
const notifyIfAway = createAlertNotifier({
  isAway: () => BrowserWindow.getFocusedWindow() === null,
  show: ({ title, body }) => {
    if (!Notification.isSupported()) return
    const notice = new Notification({ title, body })
    notice.on('click', () => BrowserWindow.getAllWindows()[0]?.focus())
    notice.show()
  },
  onError: (error) => console.error('Alert notification failed:', error)
})

/** The report as the window shows it (print styles apply), A4 landscape, backgrounds on. */
function printFocusedWindow(): Promise<Uint8Array> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  if (!window) return Promise.reject(new Error('No window to print'))
  return window.webContents.printToPDF({ printBackground: true, landscape: true, pageSize: 'A4' })
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, () => app.getPath('userData'))
  services = await createServices({
    dataDir,
    resourcesDir,
    version: app.getVersion(),
    runtime: 'electron',
    dialogs: electronFileDialogs,
    emit: broadcast,
    notifyAlert: notifyIfAway,
    csvReader: workerLabCsvReader(labCsvWorkerPath),
    embeddings: offlineEmbeddingsInWorker(offlineEmbeddingsWorkerPath, {
      indexRoot: catalogIndexRoot(dataDir)
    }),
    encryptor: safeStorageEncryptor(),
    printToPdf: printFocusedWindow
  })
  allowMicrophoneOnly(session.defaultSession, isAppUrl)
  registerIpc(createDispatch(services.handlers, isTrustedSender(isAppUrl)))
  createMainWindow(outDir, isAppUrl, devServerUrl)
}

// A second instance hands over to the first and exits before touching the database.
if (!app.requestSingleInstanceLock()) app.exit(0)
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) createMainWindow(outDir, isAppUrl, devServerUrl)
})
app.on('will-quit', () => services?.close())
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox('OutdoorGear Voice Console could not start', String(error))
    app.exit(1)
  })
