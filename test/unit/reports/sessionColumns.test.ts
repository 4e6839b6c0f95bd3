import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { PostgresSessionDatabase } from '../../../src/main/database/postgres/PostgresSessionDatabase'
import { loadSessionColumns, type SessionColumns } from '../../../src/main/reports/sessionColumns'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
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
