import { join } from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { resolveDataDir } from './appDirs'
import { securePrivateDataFolder } from './dataFolderModes'
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
import { osAlertNotices } from './escalation/alertNotifier.electron'
import { createServices, Services } from './services'
import { demoPeerWindow } from './realtime/demoAgent/demoPeerWindow.electron'
import { askBeforeUnload } from './windows/askBeforeUnload.electron'
import { LeavePrompts } from './windows/LeavePrompts'
import { createMainWindow } from './windows/mainWindow.electron'
import { MainWindowKeeper } from './windows/MainWindowKeeper'
import { macMicrophoneConsent } from './windows/macMicrophoneConsent.electron'
import { nameAppForWindows } from './windows/appUserModelId.electron'
import { allowAppPermissions } from './windows/permissions.electron'
import { registerAppScheme, serveAppProtocol } from './windows/appProtocol.electron'

// Glue only: resolve folders, build services, harden the session, register IPC, open the window.
const outDir = join(import.meta.dirname, '..')
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const isAppUrl = createAppUrlCheck(devServerUrl)
const resourcesDir = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(app.getAppPath(), 'resources')

let services: Services | undefined
const leavePrompts = new LeavePrompts()
const mainWindow = new MainWindowKeeper(() => {
  const window = createMainWindow(outDir, isAppUrl, devServerUrl)
  askBeforeUnload(window, leavePrompts)
  return window
})

/** An escalation alert reaches the supervisor even when the console is not in front. */
const notifyIfAway = createAlertNotifier({
  isAway: () => BrowserWindow.getFocusedWindow() === null,
  show: osAlertNotices(() => mainWindow.reveal()),
  onError: (error) => console.error('Alert notification failed:', error)
})

/** The report as the window shows it (print styles apply), A4 landscape, backgrounds on. */
function printFocusedWindow(): Promise<Uint8Array> {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow.current
  if (!window) return Promise.reject(new Error('No window to print'))
  return window.webContents.printToPDF({ printBackground: true, landscape: true, pageSize: 'A4' })
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, () => app.getPath('userData'))
  // Transcripts and keys: the folder owner-only, and what an older version left readable fixed.
  for (const path of securePrivateDataFolder(dataDir))
    console.error(`Could not make ${path} private to this user`)
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
    printToPdf: printFocusedWindow,
    demoPeers: () => demoPeerWindow(outDir, devServerUrl),
    leavePrompts
  })
  serveAppProtocol(join(outDir, 'renderer'))
  allowAppPermissions(session.defaultSession, isAppUrl, macMicrophoneConsent())
  registerIpc(createDispatch(services.handlers, isTrustedSender(isAppUrl)))
  mainWindow.startUpFinished()
}

function runFirstInstance(): void {
  nameAppForWindows()
  // A second launch, a Dock click or a notification click brings the one window back.
  app.on('second-instance', () => mainWindow.reveal())
  app.on('activate', () => mainWindow.reveal())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    try {
      services?.close()
    } catch (error) {
      console.error('Closing the services failed:', error)
    }
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('OutdoorGear Voice Console could not start', String(error))
      app.exit(1)
    })
}

// app:// must be privileged before the app is ready (Electron reads it once, at start).
registerAppScheme()
// A second instance hands over to the first and exits before touching the database; it
// registers nothing and never waits for ready.
if (app.requestSingleInstanceLock()) runFirstInstance()
else app.exit(0)
