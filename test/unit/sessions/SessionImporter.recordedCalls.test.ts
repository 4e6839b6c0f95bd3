import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import {
  workerLabCsvReader,
  type LabCsvReader
} from '../../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { HEADER, useTempDir } from '../../support/tempDir'

const readers: [string, LabCsvReader][] = [
  ['in-thread', readLabCsv],
  [
    'on a worker',
    workerLabCsvReader(new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url), [
      '--import',
      'tsx'
    ])
  ]
]

const ACTIVE = 'LIVE-20261125-100000-aaaa'
const FINISHED = 'LIVE-20261125-090000-ffff'
const row = (id: string): string => `${id},faq,1,1,2,0,1,neutral,csv-model,true,fr`

/** A database with an active call (no session row yet) and a finished one (its session row). */
function withCalls(dir: string, read: LabCsvReader) {
  const path = join(dir, 'sessions.sqlite')
  const store = new SessionStore<SqliteSessionDatabase>(openSqliteSessionDatabase(path))
  store.database.connection.exec(`
    INSERT INTO calls (session_id, provider, model, started_at_ms, status)
      VALUES ('${ACTIVE}', 'openai', 'gpt-realtime', 1, 'active'),
             ('${FINISHED}', 'openai', 'gpt-realtime', 0, 'finished');
    INSERT INTO sessions (session_id, scenario, duration_sec, latency_p50_ms, latency_p95_ms,
      interruptions, turns, sentiment, model, rag_used, language, source, recorded_at, tool_calls)
      VALUES ('${FINISHED}', 'order_status', 60, 400, 800, 1, 6, 'positive', 'gpt-realtime', 1,
              'en', 'live', '2026-11-25T09:01:00Z', 2);`)
  const importer = new SessionImporter(path, () => Date.UTC(2026, 10, 25), read)
  return { store, importer }
}

const callIssue = (id: string, rowNumber: number) => ({
  row: rowNumber,
  column: 'session_id',
  reason: `session_id "${id}" belongs to a recorded call`,
  code: 'idOfRecordedCall',
  params: { id }
})

describe.each(readers)('SessionImporter and recorded calls, %s', (_, read) => {
  const tmp = useTempDir()
  const file = (): string =>
    tmp.write('calls.csv', [HEADER, row('NEW1'), row(ACTIVE), row(FINISHED), ''].join('\n'))

  /** The finished call's session as recorded, no session for the active one. */
  const expectCallsUntouched = async (
    store: SessionStore<SqliteSessionDatabase>
  ): Promise<void> => {
    expect(await store.database.sessions.get(FINISHED)).toMatchObject({
      source: 'live',
      model: 'gpt-realtime',
      tool_calls: 2
    })
    expect(await store.database.sessions.exists(ACTIVE)).toBe(false)
  }

  it.each(['fail', 'replace'] as const)(
    "under '%s', rejects the file, each call's id at its row, and writes nothing",
    async (policy) => {
      const { store, importer } = withCalls(tmp.path(), read)
      const outcome = await importer.importFile(file(), policy)
      expect(outcome).toEqual({
        status: 'rejected',
        fileName: 'calls.csv',
        issues: [callIssue(ACTIVE, 3), callIssue(FINISHED, 4)],
        issueCount: 2,
        conflictCount: 0, // not ids the user may replace
        warnings: []
      })
      expect(await store.database.sessions.exists('NEW1')).toBe(false)
      await expectCallsUntouched(store)
      await store.close()
    }
  )

  it("under 'skip', leaves both calls' ids to them and imports the rest", async () => {
    const { store, importer } = withCalls(tmp.path(), read)
    const before = await store.database.sessions.version()
    expect(await importer.importFile(file(), 'skip')).toMatchObject({
      status: 'imported',
      inserted: 1,
      replaced: 0,
      skipped: 2
    })
    expect(await store.database.sessions.get('NEW1')).toMatchObject({ source: 'import' })
    await expectCallsUntouched(store)
    expect(await store.database.sessions.version()).not.toBe(before)
    await store.close()
  })

  it('lists a call id next to the file’s own problems and ids already stored', async () => {
    const { store, importer } = withCalls(tmp.path(), read)
    await importer.importFile(tmp.write('new.csv', `${HEADER}\n${row('NEW1')}\n`), 'fail')
    const bad = tmp.write(
      'bad.csv',
      [HEADER, row(ACTIVE), 'X1,faq,-1,1,2,0,1,neutral,m,true,en', row('NEW1'), ''].join('\n')
    )
    const outcome = await importer.importFile(bad, 'fail')
    expect(outcome).toMatchObject({ status: 'rejected', issueCount: 3, conflictCount: 1 })
    if (outcome.status !== 'rejected') return
    expect(outcome.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'idOfRecordedCall'],
      [3, 'negativeNumber'],
      [4, 'idInDatabase']
    ])
    expect(await store.count()).toBe(2) // NEW1 and the finished call
    await store.close()
  })
})
