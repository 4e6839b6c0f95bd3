import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { generatedCsv, PILOT_CSV, useTempDir } from '../../support/tempDir'

const ROWS = 200_000

/** Runs importKilledChild.ts; resolves with how it ended. */
function importKilled(databasePath: string, file: string, stored: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'importKilledChild.ts'), databasePath, file, `${stored}`],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(signal ?? `exit code ${code}: ${stderr}`))
  })
}

describe('an import killed while it writes', () => {
  const tmp = useTempDir()

  it('leaves the database as it was, whole and usable', async () => {
    const file = tmp.write('big.csv', generatedCsv(ROWS, 'K'))
    // The child may, rarely, see the import commit before its probe meets the lock: then try
    // again on a fresh database.
    let path = ''
    let version = ''
    let ended = ''
    for (let attempt = 1; attempt <= 3 && ended !== 'SIGKILL'; attempt++) {
      path = join(tmp.path(), `sessions-${attempt}.sqlite`)
      const store = new SessionStore(openSqliteSessionDatabase(path))
      await new SessionImporter(path).importFile(PILOT_CSV, 'fail', 'seed')
      version = await store.database.sessions.version()
      await store.close()
      ended = await importKilled(path, file, 15)
    }
    expect(ended).toBe('SIGKILL')

    const raw = new DatabaseSync(path)
    expect(raw.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    raw.close()
    const reopened = new SessionStore(openSqliteSessionDatabase(path))
    expect(await reopened.count()).toBe(15) // none of the killed import
    expect(await reopened.database.sessions.version()).toBe(version)
    const importer = new SessionImporter(path)
    expect(await importer.importFile(file, 'fail')).toMatchObject({ inserted: ROWS })
    expect(await importer.checkpointed).toBeUndefined() // before the directory goes
    await reopened.close()
  }, 90_000)
})
