import { join, resolve } from 'node:path'
import { workerLabCsvReader } from '../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'

// Child of the CSV benchmark (bundled, as the app's main process is): imports one file into a
// database holding the pilot, the way the app does (parsing on a worker); prints elapsed ms and
// the CPU time it took, of the main thread and of the whole process (on a shared machine the
// CPU times say what the import costs when the wall-clock time is stretched by other load).
const [file, dataDir, workerScript] = process.argv.slice(2)
if (!file || !dataDir || !workerScript) throw new Error('usage: importOnce FILE DATA_DIR WORKER')
const path = join(dataDir, 'sessions.sqlite')
// Migrations are not part of the import being timed; the app keeps this connection open.
const store = new SessionStore(openSqliteSessionDatabase(path))
const importer = new SessionImporter(path, Date.now, workerLabCsvReader(workerScript))
// As in the app, the database already holds the pilot, so every batch checks for conflicts.
await importer.importFile(resolve('resources/voice_sessions.csv'), 'fail', 'seed')
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000
const mainCpu = process.threadCpuUsage()
const processCpu = process.cpuUsage()
const started = performance.now()
const outcome = await importer.importFile(file, 'fail')
const elapsed = performance.now() - started
const mainCpuMs = cpuMs(process.threadCpuUsage(mainCpu))
const checkpointError = await importer.checkpointed
// Committed and visible at `ms`; copied from the log into the database file at `checkpointedMs`.
const checkpointedMs = performance.now() - started
const processCpuMs = cpuMs(process.cpuUsage(processCpu))
if (checkpointError) throw checkpointError
if (outcome.status !== 'imported') throw new Error(`import rejected: ${outcome.issues[0]?.reason}`)
if (store.count() !== outcome.inserted + 15) throw new Error('the import is not all there')
store.close()
console.log(
  JSON.stringify({ ms: elapsed, checkpointedMs, mainCpuMs, processCpuMs, rows: outcome.inserted })
)
