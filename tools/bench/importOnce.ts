import { join, resolve } from 'node:path'
import { workerLabCsvReader } from '../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'

// Child of the CSV benchmark (bundled, as the app's main process is): imports one file into a
// database holding the pilot, the way the app does (parsing on a worker); prints elapsed ms.
const [file, dataDir, workerScript] = process.argv.slice(2)
if (!file || !dataDir || !workerScript) throw new Error('usage: importOnce FILE DATA_DIR WORKER')
const path = join(dataDir, 'sessions.sqlite')
new SessionStore(path).close() // migrations are not part of the import being timed
const importer = new SessionImporter(path, Date.now, workerLabCsvReader(workerScript))
// As in the app, the database already holds the pilot, so every batch checks for conflicts.
await importer.importFile(resolve('resources/voice_sessions.csv'), 'fail', 'seed')
const started = performance.now()
const outcome = await importer.importFile(file, 'fail')
const elapsed = performance.now() - started
if (outcome.status !== 'imported') throw new Error(`import rejected: ${outcome.issues[0]?.reason}`)
console.log(JSON.stringify({ ms: elapsed, rows: outcome.inserted }))
