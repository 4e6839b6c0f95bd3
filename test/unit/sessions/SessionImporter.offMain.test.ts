import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workerLabCsvReader } from '../../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { generatedCsv, useTempDir } from '../../support/tempDir'

const read = workerLabCsvReader(
  new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url),
  ['--import', 'tsx']
)
const ROWS = 60_000
/** Far beyond any import here, even on a loaded machine: the test fails, it does not hang. */
const DEADLINE_MS = 60_000

function setup(dir: string) {
  const path = join(dir, 'sessions.sqlite')
  const store = new SessionStore(openSqliteSessionDatabase(path))
  return { store, importer: new SessionImporter(path, Date.now, read) }
}

describe("SessionImporter with the worker reader: main's thread only awaits", () => {
  const tmp = useTempDir()

  it('imports to the commit while main’s thread is blocked, so it needs none of it', async () => {
    const { store, importer } = setup(tmp.path())
    const file = tmp.write('big.csv', generatedCsv(ROWS, 'B'))
    const imported = importer.importFile(file, 'fail')
    // Main blocks here, polling the database itself: if any of the import's work ran on this
    // thread (parsing, staging, the write), the rows could not appear before main is released.
    const nap = new Int32Array(new SharedArrayBuffer(4))
    const started = Date.now()
    let committedWhileBlocked = false
    while (Date.now() - started < DEADLINE_MS) {
      if ((await store.count()) === ROWS) {
        committedWhileBlocked = true
        break
      }
      Atomics.wait(nap, 0, 0, 20)
    }
    expect(committedWhileBlocked).toBe(true)
    expect(await imported).toMatchObject({ status: 'imported', inserted: ROWS })
    expect(await importer.checkpointed).toBeUndefined() // before the directory goes
    await store.close()
  }, 90_000)

  it('keeps main’s timers firing while an import runs', async () => {
    const { store, importer } = setup(tmp.path())
    const file = tmp.write('big.csv', generatedCsv(ROWS, 'B'))
    let ticks = 0
    let importing = true
    const imported = importer.importFile(file, 'fail').finally(() => (importing = false))
    // A timer set once the import is under way fires before it is over.
    const tickedDuringImport = new Promise<boolean>((resolve) => {
      const tick = (): void => {
        ticks++
        if (ticks === 3 || !importing) resolve(importing)
        else setTimeout(tick, 1)
      }
      setTimeout(tick, 1)
    })
    expect(await tickedDuringImport).toBe(true)
    expect(await imported).toMatchObject({ inserted: ROWS })
    expect(await importer.checkpointed).toBeUndefined()
    await store.close()
  }, 90_000)

  it('fails as the in-thread import does when the file cannot be read, changing nothing', async () => {
    const { store, importer } = setup(tmp.path())
    const missing = join(tmp.path(), 'missing.csv')
    await expect(importer.importFile(missing, 'fail')).rejects.toThrow(/ENOENT/)
    await expect(
      new SessionImporter(store.database.path).importFile(missing, 'fail')
    ).rejects.toThrow(/ENOENT/)
    expect(await store.count()).toBe(0)
    await store.close()
  }, 90_000)
})
