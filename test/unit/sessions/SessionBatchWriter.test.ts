import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import {
  workerLabCsvReader,
  type LabCsvReader
} from '../../../src/main/sessions/readLabCsvInWorker'
import { beginSqliteImport } from '../../../src/main/database/sqlite/SqliteSessionImport'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import { LAB_COLUMNS, type LabSession } from '../../../src/shared/sessions/labSchema'
import { generatedCsv, HEADER, useTempDir } from '../../support/tempDir'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const readers: [string, LabCsvReader][] = [
  ['in-thread reader', readLabCsv],
  [
    'worker reader (packed batches)',
    workerLabCsvReader(new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url), [
      '--import',
      'tsx'
    ])
  ]
]

/** 300 stored sessions G0001…G0300, and an importer using `read`. */
async function storeWithG(dir: string, read: LabCsvReader) {
  const path = join(dir, 'sessions.sqlite')
  const store = new SessionStore(openSqliteSessionDatabase(path))
  const importer = new SessionImporter(path, () => Date.UTC(2026, 10, 25), read)
  await importer.importFile(writeFile(dir, 'g.csv', generatedCsv(300, 'G')), 'fail')
  return { store, importer }
}

const writeFile = (dir: string, name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

/**
 * 1,350 new H rows with G0005, G0150 and G0300 (already stored) among them, and a blank line
 * before the second, so rows are not simply line = index + 2. Returns the file and their rows.
 */
function fileWithConflicts(dir: string): { file: string; rows: Record<string, number> } {
  const lines = generatedCsv(1350, 'H').trimEnd().split('\n')
  const g = (id: string): string => `${id},faq,1,1,2,0,1,neutral,replaced-model,true,fr`
  lines.splice(1, 0, g('G0005')) // row 2: the first statement
  lines.splice(120, 0, '') // a blank line, counted as a row
  lines.splice(660, 0, g('G0150')) // inside the second 500-row statement
  lines.push(g('G0300')) // the last statement, of fewer rows
  const rows = Object.fromEntries(
    ['G0005', 'G0150', 'G0300'].map((id) => [id, lines.findIndex((l) => l.startsWith(id)) + 1])
  )
  return { file: writeFile(dir, 'h.csv', lines.join('\n') + '\n'), rows }
}

describe.each(readers)('SessionBatchWriter through the importer, %s', (_, read) => {
  const tmp = useTempDir()

  it('reports each id already stored at its own row, across multi-row statements', async () => {
    const { store, importer } = await storeWithG(tmp.path(), read)
    const { file, rows } = fileWithConflicts(tmp.path())
    expect(rows).toEqual({ G0005: 2, G0150: 661, G0300: 1355 })
    const outcome = await importer.importFile(file, 'fail')
    expect(outcome).toMatchObject({ status: 'rejected', issueCount: 3, conflictCount: 3 })
    if (outcome.status !== 'rejected') return
    expect(outcome.issues).toEqual(
      Object.entries(rows).map(([id, row]) => ({
        row,
        column: 'session_id',
        reason: `session_id "${id}" is already in the database`,
        code: 'idInDatabase',
        params: { id }
      }))
    )
    expect(await store.count()).toBe(300) // nothing of the file stayed
    await store.close()
  })

  it('skips the stored ids and inserts every other row', async () => {
    const { store, importer } = await storeWithG(tmp.path(), read)
    const outcome = await importer.importFile(fileWithConflicts(tmp.path()).file, 'skip')
    expect(outcome).toMatchObject({ status: 'imported', inserted: 1350, skipped: 3, replaced: 0 })
    expect(await store.count()).toBe(1650)
    expect(await store.count({ model: ['replaced-model'] })).toBe(0)
    await store.close()
  })

  it('replaces the stored ids with the imported rows', async () => {
    const { store, importer } = await storeWithG(tmp.path(), read)
    const outcome = await importer.importFile(fileWithConflicts(tmp.path()).file, 'replace')
    expect(outcome).toMatchObject({ status: 'imported', inserted: 1350, replaced: 3, skipped: 0 })
    expect(await store.count()).toBe(1650)
    expect(await store.count({ model: ['replaced-model'], language: ['fr'] })).toBe(3)
    await store.close()
  })

  it('stores every column of every row as read, over batches and a short last statement', async () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const store = new SessionStore(openSqliteSessionDatabase(path))
    const file = writeFile(tmp.path(), 'many.csv', generatedCsv(2345, 'M'))
    const outcome = await new SessionImporter(path, Date.now, read).importFile(file, 'fail')
    expect(outcome).toMatchObject({ status: 'imported', inserted: 2345 })
    const expected: LabSession[] = []
    await readLabCsv(file, { session: (s) => void expected.push(s), issue: () => {} })
    const stored = (await Array.fromAsync(store.iterate())).map((s) =>
      Object.fromEntries(LAB_COLUMNS.map((c) => [c, s[c]]))
    )
    expect(stored).toEqual(expected)
    expect(await store.count({ source: ['import'] })).toBe(2345)
    await store.close()
  })
})

describe('SessionBatchWriter', () => {
  const tmp = useTempDir()

  it('lets a database error other than a stored id through, and writes nothing', async () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const store = new SessionStore(openSqliteSessionDatabase(path))
    const good: LabSession = {
      session_id: 'X1',
      scenario: 'faq',
      duration_sec: 1,
      latency_p50_ms: 90,
      latency_p95_ms: 95,
      interruptions: 0,
      turns: 1,
      sentiment: 'neutral',
      model: 'm',
      rag_used: true,
      language: 'en'
    }
    const batch = beginSqliteImport(path, {
      policy: 'skip',
      source: 'import',
      recordedAt: 'now',
      onConflict: () => {}
    })
    batch.sessions.add(good, 2)
    // The table's CHECK refuses P95 < P50 (the validator would have reported it first).
    batch.sessions.add({ ...good, session_id: 'X2', latency_p95_ms: 80 }, 3)
    await batch.sessions.flush()
    await expect(batch.commit()).rejects.toThrow(/CHECK constraint failed/)
    await batch.close()
    expect(await store.count()).toBe(0)
    await store.close()
  })
})

describe('SessionImporter after a big import', () => {
  const tmp = useTempDir()

  it('copies the log into the database file on a worker thread, the data readable throughout', async () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const store = new SessionStore(openSqliteSessionDatabase(path)) // kept open, as the app does: closing it would checkpoint
    const importer = new SessionImporter(path)
    const before = statSync(path).size
    const file = writeFile(tmp.path(), 'big.csv', generatedCsv(60_000, 'B'))
    expect(await importer.importFile(file, 'fail')).toMatchObject({ inserted: 60_000 })
    expect(await store.count()).toBe(60_000)
    expect(await importer.checkpointed).toBeUndefined()
    // Some 4 MB of rows now live in the database file itself, not only in its log.
    expect(statSync(path).size - before).toBeGreaterThan(4_000_000)
    expect(await store.count()).toBe(60_000)
    await store.close()
  })

  it('leaves a small import to SQLite (no worker)', async () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const store = new SessionStore(openSqliteSessionDatabase(path))
    const importer = new SessionImporter(path)
    const before = importer.checkpointed
    await importer.importFile(writeFile(tmp.path(), 's.csv', `${HEADER}\n`), 'fail')
    await importer.importFile(writeFile(tmp.path(), 'g.csv', generatedCsv(100)), 'fail')
    expect(importer.checkpointed).toBe(before)
    await store.close()
  })
})
