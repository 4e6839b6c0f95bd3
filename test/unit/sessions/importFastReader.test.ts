import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  MAX_BATCHES_IN_FLIGHT,
  SESSIONS_PER_BATCH
} from '../../../src/main/sessions/packedSessions'
import { PackingLabCsvSink } from '../../../src/main/sessions/packingLabCsvSink'
import { readLabCsvFast } from '../../../src/main/sessions/readLabCsvFast'
import { workerLabCsvReader } from '../../../src/main/sessions/readLabCsvInWorker'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import type { ConflictPolicy } from '../../../src/main/database/SessionDatabase'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { HEADER, useTempDir } from '../../support/tempDir'

// The app's parse worker reads with the byte reader first and falls back to readLabCsv (Papa
// Parse) when the byte reader gives a file up, after it has posted batches: the staging side must
// forget them. Each import below is compared with the in-thread import, which reads with
// readLabCsv alone: same outcome, same issues, same rows in the sessions table.

const worker = workerLabCsvReader(
  new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url),
  ['--import', 'tsx']
)
const NOW = Date.parse('2026-12-06T12:00:00Z')
/** Well past the batches the worker may post ahead of the staging side. */
const ROWS = SESSIONS_PER_BATCH * (MAX_BATCHES_IN_FLIGHT + 3) + 123

/** Rows of every kind the byte reader meets: plain, quoted, warned about, non-ASCII, models. */
function row(i: number): string {
  const p50 = 70 + (i % 40)
  const fields = [
    `F${String(i).padStart(6, '0')}`,
    i % 97 === 0 ? 'warranty_claim' : ['product_inquiry', 'order_status', 'faq'][i % 3]!,
    i % 11 === 0 ? `${20 + (i % 100)}.5` : String(20 + (i % 100)),
    String(p50),
    String(p50 + 80 + (i % 60)),
    String(i % 6),
    String(3 + (i % 15)),
    ['positive', 'neutral', 'negative'][i % 3]!,
    i % 13 === 0 ? 'modèle-β' : ['gpt-realtime', 'gpt-4o-realtime', 'gpt-realtime-mini'][i % 3]!,
    ['true', 'FALSE', 'yes', '0'][i % 4]!,
    ['en', 'es', 'fr'][i % 3]!
  ]
  if (i % 7 === 0) fields[8] = `"${fields[8]}"`
  if (i % 29 === 0) fields[8] = '"gpt, ""quoted"""'
  return fields.join(',')
}

function csv(rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n'
}

const goodRows = (): string[] => Array.from({ length: ROWS }, (_, i) => row(i + 1))

function sessionsOf(path: string): unknown[] {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    return db.prepare('SELECT * FROM sessions ORDER BY session_id').all()
  } finally {
    db.close()
  }
}

describe('the import worker: byte reader first, readLabCsv when it gives up', () => {
  const tmp = useTempDir()

  /** Imports `file` into two databases holding `stored` (as a file): worker and in-thread. */
  async function bothWays(file: string, policy: ConflictPolicy, stored?: string) {
    const results = []
    for (const [name, read] of [
      ['worker', worker],
      ['readLabCsv', readLabCsv]
    ] as const) {
      const path = join(tmp.path(), `${name}.sqlite`)
      await openSqliteSessionDatabase(path).close()
      if (stored) await new SessionImporter(path, () => NOW).importFile(stored, 'fail')
      const outcome = await new SessionImporter(path, () => NOW, read).importFile(file, policy)
      results.push({ outcome, sessions: sessionsOf(path) })
    }
    return { viaWorker: results[0]!, viaPapa: results[1]! }
  }

  it('imports a good file into exactly the rows readLabCsv gives', async () => {
    const file = tmp.write('good.csv', csv(goodRows()))
    // The byte reader vouches for it: the worker does not fall back.
    expect(readLabCsvFast(file, new PackingLabCsvSink(() => undefined))).toBeDefined()
    const { viaWorker, viaPapa } = await bothWays(file, 'fail')
    expect(viaWorker.outcome).toMatchObject({ status: 'imported', inserted: ROWS })
    expect(viaWorker.outcome).toEqual(viaPapa.outcome)
    expect(viaWorker.sessions).toHaveLength(ROWS)
    expect(viaWorker.sessions).toEqual(viaPapa.sessions)
    expect(viaWorker.sessions).toContainEqual(
      expect.objectContaining({ session_id: 'F000029', model: 'gpt, "quoted"' })
    )
  }, 120_000)

  it.each([
    [
      'a bad row',
      (rows: string[]) => rows.splice(ROWS - 5, 1, 'F999999,faq,-3,1,2,0,1,x,m,maybe,en')
    ],
    ['a duplicate id', (rows: string[]) => rows.splice(ROWS - 5, 0, row(42))],
    [
      'a malformed quote',
      (rows: string[]) => rows.splice(ROWS - 5, 0, row(1e6).slice(0, -3) + ',"es"x')
    ]
  ])(
    'rejects a file with %s near its end (after several posted batches) as readLabCsv does',
    async (_name, spoil) => {
      const rows = goodRows()
      spoil(rows)
      const file = tmp.write('bad.csv', csv(rows))
      const posted: unknown[] = []
      expect(readLabCsvFast(file, new PackingLabCsvSink((b) => posted.push(b)))).toBeUndefined()
      expect(posted.length).toBeGreaterThan(MAX_BATCHES_IN_FLIGHT) // the fallback is exercised
      const { viaWorker, viaPapa } = await bothWays(file, 'fail')
      expect(viaWorker.outcome.status).toBe('rejected')
      expect(viaWorker.outcome).toEqual(viaPapa.outcome)
      expect(viaWorker.sessions).toEqual([])
    },
    120_000
  )

  it('after a fallback, still reports every id already stored, once', async () => {
    const rows = goodRows()
    rows.push('F999999,faq,20,1,2,0,1,neutral,m,maybe,en')
    const file = tmp.write('bad.csv', csv(rows))
    const stored = tmp.write('stored.csv', csv([row(3), row(4_000), row(ROWS - 1)]))
    const { viaWorker, viaPapa } = await bothWays(file, 'fail', stored)
    expect(viaWorker.outcome).toMatchObject({ status: 'rejected', conflictCount: 3 })
    expect(viaWorker.outcome).toEqual(viaPapa.outcome)
    expect(viaWorker.sessions).toEqual(viaPapa.sessions)
    expect(viaWorker.sessions).toHaveLength(3)
  }, 120_000)

  it('imports a good file under replace over stored rows as readLabCsv does', async () => {
    const file = tmp.write('good.csv', csv(goodRows()))
    const stored = tmp.write('stored.csv', csv([row(5), row(ROWS)]))
    const { viaWorker, viaPapa } = await bothWays(file, 'replace', stored)
    expect(viaWorker.outcome).toMatchObject({ status: 'imported', replaced: 2 })
    expect(viaWorker.outcome).toEqual(viaPapa.outcome)
    expect(viaWorker.sessions).toEqual(viaPapa.sessions)
  }, 120_000)
})
