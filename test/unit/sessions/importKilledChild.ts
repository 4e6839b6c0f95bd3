import { DatabaseSync } from 'node:sqlite'
import { workerLabCsvReader } from '../../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'

// Child of importKilled.test.ts: imports FILE into DATABASE as the app does (on a worker) and
// SIGKILLs its own process the moment it finds the import holding the write lock, that is while
// the staged rows are being written. Exits 3 if the import finished before it could.
const [databasePath, file] = process.argv.slice(2)
if (!databasePath || !file) throw new Error('usage: importKilledChild DATABASE FILE')
const read = workerLabCsvReader(
  new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url),
  ['--import', 'tsx']
)
const probe = new DatabaseSync(databasePath)
probe.exec('PRAGMA busy_timeout = 0')
let done = false
const tryLock = (): void => {
  if (done) return
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
  } catch {
    process.kill(process.pid, 'SIGKILL') // the import's write transaction is open
  }
  setTimeout(tryLock, 1)
}
tryLock()
await new SessionImporter(databasePath, Date.now, read).importFile(file, 'fail')
done = true
process.exitCode = 3
