import { afterEach, describe, expect, it } from 'vitest'
import { SqliteReportReads } from '../../../src/main/database/sqlite/reportReads'
import { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { idsOf, session } from './contractFixtures'
import { sqliteBackend } from './databaseBackends'

// SQLite reads the Reports' columns on main's thread, so in keyset chunks (the caller pauses
// between them; bench:import-live holds a live call's append behind one chunk under 100 ms).
describe('SqliteReportReads.sessionColumns', () => {
  const backend = sqliteBackend()
  afterEach(() => backend.close())

  const withSessions = async (ids: string[]): Promise<SqliteSessionDatabase> => {
    const db = await backend.open()
    if (!(db instanceof SqliteSessionDatabase)) throw new Error('expected SQLite')
    await db.transaction(async (tx) => {
      for (const id of ids) await tx.sessions.insertRecorded(session(id), 'now')
    })
    return db
  }

  it('reads a chunk per step, after the last id of the one before, in id order', async () => {
    const db = await withSessions(['E', 'B', 'D', 'A', 'C'])
    let visited = 0
    const parts: string[][] = []
    for (const part of new SqliteReportReads(db.connection, 2).sessionColumns(() => visited++)) {
      expect(part.order).toBeNull()
      parts.push(idsOf(part.ids))
      expect(parts.flat()).toHaveLength(visited)
      // Between steps the connection is free: E renamed behind the chunks read is not met
      // again (the caller's version check discards such a torn read).
      if (parts.length === 1)
        db.connection.exec(`UPDATE sessions SET session_id = 'AA' WHERE session_id = 'E'`)
    }
    expect(parts).toEqual([['A', 'B'], ['C', 'D'], []])
  })

  it('stops after a chunk that is not full', async () => {
    const db = await withSessions(['A', 'B', 'C'])
    const parts = [...new SqliteReportReads(db.connection, 2).sessionColumns(() => undefined)].map(
      (part) => idsOf(part.ids)
    )
    expect(parts).toEqual([['A', 'B'], ['C']])
  })
})
