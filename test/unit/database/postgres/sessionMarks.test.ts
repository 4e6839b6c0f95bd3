import { describe, expect, it } from 'vitest'
import { conditionsFor, Params, where } from '../../../../src/main/database/postgres/sessionWhere'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { session, turn } from '../contractFixtures'
import { describeSessionMarks } from '../sessionMarksContract'

// The Sessions marks' contract against a real PostgreSQL: a fresh database per test.
describe.skipIf(skipWithoutPostgres)('PostgreSQL backend', () => {
  const pg = usePostgres()
  describeSessionMarks({ name: 'PostgreSQL', open: () => pg.open(), close: async () => {} })

  // Searches with few matches reach the SQL as their ids (sessionsTable's saidAsIds); the
  // full-text condition itself serves many matches, exports' reads and the reports' filters.
  it('keeps the sessions whose transcript has the words in SQL too, accents folded', async () => {
    const db = await pg.open()
    await db.transaction(async (tx) => {
      for (const [id, caller] of [
        ['A', '¿Dónde están mis botas?'],
        ['B', 'Where are my boots?'],
        ['C', null]
      ] as const) {
        await tx.sessions.insertRecorded(session(id), 'now')
        await tx.turns.replace(id, [{ ...turn(0), caller_text: caller }])
      }
    })
    const ids = async (said: string): Promise<string[]> => {
      const params = new Params()
      const { rows } = await db.pool.query<{ session_id: string }>(
        `SELECT session_id FROM sessions${where(conditionsFor({ said }, params))} ORDER BY 1`,
        params.values
      )
      return rows.map((row) => row.session_id)
    }
    expect(await ids('donde bot')).toEqual(['A'])
    expect(await ids('my')).toEqual(['B'])
    expect(await ids('dónde')).toEqual(['A'])
    expect(await ids('zzz')).toEqual([])
    expect(await ids('?!')).toEqual(['A', 'B', 'C'])
  })
})
