import { join } from 'node:path'
import { SessionImporter } from '../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../src/main/sessions/SessionStore'

// Child of the CSV benchmark: imports one file into a fresh database, prints the elapsed ms.
const [file, dataDir] = process.argv.slice(2)
if (!file || !dataDir) throw new Error('usage: importOnce FILE DATA_DIR')
const path = join(dataDir, 'sessions.sqlite')
new SessionStore(path).close() // migrations are not part of the import being timed
const started = performance.now()
const outcome = await new SessionImporter(path).importFile(file, 'fail')
const elapsed = performance.now() - started
if (outcome.status !== 'imported') throw new Error(`import rejected: ${outcome.issues[0]?.reason}`)
console.log(JSON.stringify({ ms: elapsed, rows: outcome.inserted }))
