import { DatabaseSync } from 'node:sqlite'
import { workerLabCsvReader } from '../../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'

// Child of importKilled.test.ts: imports FILE into DATABASE as the app does (on workers) and
// SIGKILLs its own process the moment it finds the import holding the write lock, that is while
// the staged rows are being written. Exits 3 if the import committed before it could.
const [databasePath, file, storedBefore] = process.argv.slice(2)
if (!databasePath || !file || !storedBefore) throw new Error('usage: DATABASE FILE STORED')
const read = workerLabCsvReader(
  new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url),
  ['--import', 'tsx']
)
void new SessionImporter(databasePath, Date.now, read).importFile(file, 'fail')
// Main's thread is free (the import runs on workers): it probes in a loop of its own.
const probe = new DatabaseSync(databasePath)
probe.exec('PRAGMA busy_timeout = 0')
const count = probe.prepare('SELECT COUNT(*) AS n FROM sessions')
const nap = new Int32Array(new SharedArrayBuffer(4))
for (;;) {
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
  } catch {
    process.kill(process.pid, 'SIGKILL') // the import's write transaction is open
  }
  if (count.get()?.n !== Number(storedBefore)) process.exit(3)
  Atomics.wait(nap, 0, 0, 0.5)
}
