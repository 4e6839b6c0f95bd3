import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import {
  loadSessionColumns,
  NO_CODE,
  type SessionColumns
} from '../../../src/main/reports/sessionColumns'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { session } from '../database/contractFixtures'
import { generatedCsv, PILOT_CSV } from '../../support/tempDir'
import {
  postgresBackendOn,
  sqliteBackend,
  type SessionDatabaseBackend
} from '../database/databaseBackends'

// The report columns come out the same however the read sized its arrays: in one block sized
// for the sessions expected, in many small blocks joined at the end, or in one block far too
// big (copied to the sessions' size rather than kept).

const noPause = async (): Promise<void> => {}

/** Every column of the read as plain arrays, to compare two reads. */
function plain(columns: SessionColumns): unknown {
  const { sessionIds, size, ...rest } = columns
  return {
    size,
    ids: Array.from({ length: sessionIds.size }, (_, row) => sessionIds.at(row)),
    ...Object.fromEntries(
      Object.entries(rest).map(([name, column]) => [
        name,
        ArrayBuffer.isView(column)
          ? [...column]
          : { values: column.values, codes: [...column.codes] }
      ])
    )
  }
}

/** Each row's values, in the columns' order: what the SQL selects for them. */
function byRow(columns: SessionColumns): unknown[][] {
  const text = (column: SessionColumns['scenario'], row: number): string | null => {
    const code = column.codes[row]!
    return code === NO_CODE ? null : column.values[code]!
  }
  return Array.from({ length: columns.size }, (_, row) => [
    columns.sessionIds.at(row),
    text(columns.scenario, row),
    text(columns.sentiment, row),
    text(columns.language, row),
    text(columns.model, row),
    text(columns.source, row),
    text(columns.day, row),
    columns.ragUsed[row],
    columns.interruptions[row],
    columns.p50Ms[row],
    columns.p95Ms[row]
  ])
}

function sessionColumnsCases(backend: () => SessionDatabaseBackend): void {
  const folders: string[] = []
  let opened: SessionDatabaseBackend | null = null
  beforeEach(() => void folders.push(mkdtempSync(join(tmpdir(), 'voice-console-columns-'))))
  afterEach(async () => {
    await opened?.close()
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  async function filled(): Promise<SessionDatabase> {
    opened = backend()
    const db = await opened.open()
    const file = join(folders.at(-1)!, 'generated.csv')
    writeFileSync(file, generatedCsv(700, 'G'))
    for (const csv of [file, PILOT_CSV])
      expect(await new SessionImporter(db).importFile(csv, 'fail')).toMatchObject({
        status: 'imported'
      })
    return db
  }

  it('reads the same columns in one block, in blocks of 64 rows, or in a block far too big', async () => {
    const db = await filled()
    const once = await loadSessionColumns(db.reports, noPause)
    expect(once.size).toBe(715)
    const blocks = await loadSessionColumns(db.reports, noPause, 0, 64)
    const tooBig = await loadSessionColumns(db.reports, noPause, 100_000)
    expect(plain(blocks)).toEqual(plain(once))
    expect(plain(tooBig)).toEqual(plain(once))
    // The joined and the far-too-big reads keep arrays of the sessions' size, no more.
    for (const read of [blocks, tooBig]) {
      expect(read.p95Ms.buffer.byteLength).toBe(715 * 8)
      expect(read.language.codes.buffer.byteLength).toBe(715 * 4)
    }
  })
}

describe('loadSessionColumns on SQLite', () => sessionColumnsCases(sqliteBackend))
describe.skipIf(skipWithoutPostgres)('loadSessionColumns on PostgreSQL', () => {
  const pg = usePostgres()
  sessionColumnsCases(() => postgresBackendOn(pg))

  /** Whether a read of the columns came in the table's order (with the order to put it in). */
  const readAsStored = async (db: SessionDatabase): Promise<boolean> => {
    let asStored = false
    for await (const part of db.reports.sessionColumns(() => undefined)) asStored ||= !!part.order
    return asStored
  }

  it('reads a table lying nearly in id order as it lies, and puts it in id order', async () => {
    const db = await pg.open()
    const dir = mkdtempSync(join(tmpdir(), 'voice-console-columns-'))
    try {
      // In id order, then an id that sorts first, then rows an UPDATE moves to the table's end.
      for (const [name, csv] of [
        ['g.csv', generatedCsv(1_500, 'G')],
        ['a.csv', generatedCsv(1, 'A')]
      ]) {
        writeFileSync(join(dir, name!), csv!)
        await new SessionImporter(db).importFile(join(dir, name!), 'fail')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    await db.pool.query(
      `UPDATE sessions SET latency_p95_ms = latency_p95_ms + 1
       WHERE session_id IN ('G0107', 'G0707', 'G1207')`
    )
    expect(await readAsStored(db)).toBe(true)
    const asStored = await loadSessionColumns(db.reports, noPause)
    expect(asStored.size).toBe(1_501)
    const { rows } = await db.pool.query({
      text: `SELECT session_id, scenario, sentiment, language, model, source,
               substr(started_at, 1, 10), rag_used, interruptions, latency_p50_ms, latency_p95_ms
             FROM sessions ORDER BY session_id`,
      rowMode: 'array'
    })
    expect(byRow(asStored)).toEqual(rows)
  })

  it('reads a table in no order of ids in id order from the index', async () => {
    const db = await pg.open()
    await db.transaction(async (tx) => {
      for (let k = 0; k < 400; k++)
        await tx.sessions.insertRecorded(session(`S${(k * 7_919) % 400}`), 'now')
    })

    expect(await readAsStored(db)).toBe(false)
    const columns = await loadSessionColumns(db.reports, noPause)
    const ids = Array.from({ length: columns.size }, (_, row) => columns.sessionIds.at(row))
    expect(ids).toEqual(ids.slice().sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))))
  })

  it("estimates the sessions from the server's statistics, without counting them", async () => {
    const db = await pg.open()
    expect(await db.reports.estimatedSessions()).toBe(0)
    const file = join(mkdtempSync(join(tmpdir(), 'voice-console-columns-')), 'g.csv')
    writeFileSync(file, generatedCsv(300, 'G'))
    await new SessionImporter(db).importFile(file, 'fail')
    if (!(db instanceof PostgresSessionDatabase)) throw new Error('expected PostgreSQL')
    await db.pool.query('ANALYZE sessions')
    expect(await db.reports.estimatedSessions()).toBe(300)
    rmSync(join(file, '..'), { recursive: true, force: true })
  })
})
