import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { workerLabCsvReader } from '../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'
import { probeWriteLock } from './writeLockProbe'

// Child of the CSV benchmark (bundled, as the app's main process is): imports one file into a
// database holding the pilot, the way the app does (parsing on a worker); prints elapsed ms and
// the CPU time it took, of the main thread and of the whole process (on a shared machine the
// CPU times say what the import costs when the wall-clock time is stretched by other load),
// main's event-loop delay meanwhile, and how long a no-wait writer found the write lock taken.
const [file, dataDir, workerScript] = process.argv.slice(2)
if (!file || !dataDir || !workerScript) throw new Error('usage: importOnce FILE DATA_DIR WORKER')
const path = join(dataDir, 'sessions.sqlite')
// Migrations are not part of the import being timed; the app keeps this connection open.
const store = new SessionStore(openSqliteSessionDatabase(path))
const importer = new SessionImporter(path, Date.now, workerLabCsvReader(workerScript))
// As in the app, the database already holds the pilot: the ids are checked against it.
await importer.importFile(resolve('resources/voice_sessions.csv'), 'fail', 'seed')
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000
const mainCpu = process.threadCpuUsage()
const processCpu = process.cpuUsage()
const lock = probeWriteLock(path)
const loop = monitorEventLoopDelay({ resolution: 5 })
loop.enable()
const started = performance.now()
const outcome = await importer.importFile(file, 'fail')
const elapsed = performance.now() - started
loop.disable()
const writeLock = await lock.stop()
const mainCpuMs = cpuMs(process.threadCpuUsage(mainCpu))
const checkpointError = await importer.checkpointed
// Committed and visible at `ms`; copied from the log into the database file at `checkpointedMs`.
const checkpointedMs = performance.now() - started
const processCpuMs = cpuMs(process.cpuUsage(processCpu))
if (checkpointError) throw checkpointError
if (outcome.status !== 'imported') throw new Error(`import rejected: ${outcome.issues[0]?.reason}`)
if ((await store.count()) !== outcome.inserted + 15) throw new Error('the import is not all there')
// The machine's own noise: the same loop, idle for 2 s.
const idle = monitorEventLoopDelay({ resolution: 5 })
idle.enable()
await new Promise((done) => setTimeout(done, 2000))
idle.disable()
await store.close()
console.log(
  JSON.stringify({
    ms: elapsed,
    checkpointedMs,
    mainCpuMs,
    processCpuMs,
    rows: outcome.inserted,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    idleMaxMs: idle.max / 1e6,
    lockLongestMs: writeLock.longestMs,
    lockBusyMs: writeLock.busyMs
  })
)
