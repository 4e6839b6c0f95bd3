import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import { pageFromColumns } from '../../../src/main/sessions/columnPaging'
import { searchPattern } from '../../../src/main/reports/sessionIds'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { SessionFilter, SessionSort } from '../../../src/shared/sessions/sessionQuery'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { generatedCsv, PILOT_CSV } from '../../support/tempDir'
import {
  postgresBackendOn,
  sqliteBackend,
  type SessionDatabaseBackend
} from '../database/databaseBackends'

// Sessions answered from the report columns in memory must be the database's answer: the same
// total, the same sessions, in the same order, for every filter and for each sort they take.

const FILTERS: SessionFilter[] = [
  {},
  { language: ['es'] },
  { language: ['es', 'fr'], ragUsed: true },
  { scenario: ['complaint', 'faq'], sentiment: ['negative'] },
  { search: 'g00' },
  { search: 'G01' },
  { search: 'COMPLAINT' },
  { search: 'Realtime' },
  { search: '0_1' },
  { search: 'a-b' },
  { search: '(.*)?[x]{2}|\\^$' },
  { search: 'é' },
  { search: '  s0 ' },
  // A scenario named in the reader's language ("Queja") finds its code's rows.
  { search: 'queja', searchScenarios: ['complaint'] },
  { search: 'g00', searchScenarios: ['faq', 'order_status'] },
  { latencyP95Ms: { min: 150, max: 200 } },
  { latencyP50Ms: { max: 80 }, interruptions: { min: 2, max: 3 } },
  { sessionIds: ['G0001', 'S03', 'g0002', 'nope'] },
  { sessionIds: [] },
  { scenario: ['faq'], startedFrom: '2026-01-01' },
  { model: ['gpt-realtime'], language: ['en'], interruptions: { min: 5 } }
]

const SORTS: SessionSort[] = [
  { column: 'session_id', direction: 'asc' },
  { column: 'session_id', direction: 'desc' },
  { column: 'latency_p95_ms', direction: 'asc' },
  { column: 'latency_p95_ms', direction: 'desc' },
  { column: 'latency_p50_ms', direction: 'desc' },
  { column: 'interruptions', direction: 'asc' },
  { column: 'interruptions', direction: 'desc' }
]

function columnPagingCases(backend: () => SessionDatabaseBackend): void {
  // A folder per test for the CSVs (a hook such as useTempDir cannot be called from here).
  const folders: string[] = []
  const tmp = { path: (): string => folders.at(-1)! }
  let opened: SessionDatabaseBackend | null = null
  beforeEach(() => {
    folders.push(mkdtempSync(join(tmpdir(), 'voice-console-paging-')))
  })
  afterEach(async () => {
    await opened?.close()
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  async function filled(): Promise<SessionDatabase> {
    opened = backend()
    const db = await opened.open()
    const importer = new SessionImporter(db)
    for (const [name, csv] of [
      ['upper.csv', generatedCsv(300, 'G')],
      ['lower.csv', generatedCsv(300, 'g')]
    ] as const) {
      const file = join(tmp.path(), name)
      writeFileSync(file, csv)
      expect(await importer.importFile(file, 'fail')).toMatchObject({ status: 'imported' })
    }
    expect(await importer.importFile(PILOT_CSV, 'fail')).toMatchObject({ status: 'imported' })
    return db
  }

  it('gives the database’s pages for every filter, sort and offset', async () => {
    const db = await filled()
    const reports = new ReportQueries(db)
    await reports.warm()
    const columns = await reports.peek()
    expect(columns?.size).toBe(615)
    const fromSql = new SessionStore(db)
    const fromColumns = new SessionStore(db, async () => columns)
    for (const filter of FILTERS)
      for (const sort of SORTS)
        for (const offset of [0, 37, 250, 700]) {
          // Answered from the columns, not handed back to SQL.
          expect(pageFromColumns(columns!, filter, sort, offset, 50)).not.toBeNull()
          const expected = await fromSql.list(filter, sort, offset, 50)
          const actual = await fromColumns.list(filter, sort, offset, 50)
          const what = JSON.stringify({ filter, sort, offset })
          expect(actual.total, what).toBe(expected.total)
          expect(
            actual.rows.map((r) => r.session_id),
            what
          ).toEqual(expected.rows.map((r) => r.session_id))
          expect(actual.rows, what).toEqual(expected.rows)
        }
  }, 120_000)

  it('hands text and time sorts back to the database, and is not used once the sessions change', async () => {
    const db = await filled()
    const reports = new ReportQueries(db)
    await reports.warm()
    const columns = (await reports.peek())!
    for (const column of ['scenario', 'duration_sec', 'started_at'] as const)
      expect(pageFromColumns(columns, {}, { column, direction: 'asc' }, 0, 10)).toBeNull()
    const file = join(tmp.path(), 'more.csv')
    writeFileSync(file, generatedCsv(3, 'X'))
    await new SessionImporter(db).importFile(file, 'fail')
    // Stale columns are never answered from: the store reads SQL until Reports reads again.
    expect(await reports.peek()).toBeNull()
    const store = new SessionStore(db, () => reports.peek())
    expect((await store.list({}, { column: 'session_id', direction: 'asc' }, 0, 5)).total).toBe(618)
  })
}

describe('searchPattern', () => {
  it('folds ASCII letters only and takes everything else literally', () => {
    expect(searchPattern('aB').test('xAbx')).toBe(true)
    expect(searchPattern('a.c').test('abc')).toBe(false)
    expect(searchPattern('a.c').test('A.C')).toBe(true)
    expect(searchPattern('é').test('É')).toBe(false)
    expect(searchPattern('(x)-[y]').test('(X)-[Y]')).toBe(true)
  })
})

describe('Sessions pages from the report columns, on SQLite', () =>
  columnPagingCases(sqliteBackend))
describe.skipIf(skipWithoutPostgres)(
  'Sessions pages from the report columns, on PostgreSQL',
  () => {
    const pg = usePostgres()
    columnPagingCases(() => postgresBackendOn(pg))
  }
)
