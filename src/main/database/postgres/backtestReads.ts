import type { Cell } from '../../../shared/escalation/backtestSchema'
import { CELLS, MAX_CELL_IDS } from '../../../shared/escalation/backtestSchema'
import type { SessionFilter } from '../../../shared/sessions/sessionQuery'
import { columnsOf } from '../rowValues'
import type { BacktestReads, CellCounts } from './asyncSeam'
import { conditionsFor, Params, where } from './sessionWhere'
import type { Sql } from './sql'

// The interruptions-in-call rule on rows that only carry the lab's counts, counted in SQL so a
// million imported rows never leave the database (as sqlite/backtestReads).

const NO_EVENTS = 'NOT EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'
const HAS_EVENTS = 'EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'
const NEGATIVE = "sentiment = 'negative'"

const col = columnsOf('sessions')

export class PostgresBacktestReads implements BacktestReads {
  constructor(private readonly sql: Sql) {}

  async sessionLevelCells(filter: SessionFilter, total: number): Promise<CellCounts> {
    const params = new Params()
    const conditions = [...conditionsFor(filter, params), NO_EVENTS]
    const flagged = `interruptions >= ${params.add(total)}::float8`
    const rows = await this.sql.rows(
      `SELECT (${flagged}) AS flagged, (${NEGATIVE}) AS negative, COUNT(*) AS n FROM sessions` +
        `${where(conditions)} GROUP BY 1, 2`,
      params.values
    )
    const counts: Record<Cell, number> = { tp: 0, fp: 0, fn: 0, tn: 0 }
    for (const r of rows) {
      const cell: Cell = r['flagged'] ? (r['negative'] ? 'tp' : 'fp') : r['negative'] ? 'fn' : 'tn'
      counts[cell] += col.number(r, 'n')
    }
    const cellSql: Record<Cell, string> = {
      tp: `(${flagged}) AND ${NEGATIVE}`,
      fp: `(${flagged}) AND NOT ${NEGATIVE}`,
      fn: `NOT (${flagged}) AND ${NEGATIVE}`,
      tn: `NOT (${flagged}) AND NOT ${NEGATIVE}`
    }
    const ids = {} as Record<Cell, string[]>
    for (const cell of CELLS) {
      if (counts[cell] === 0) {
        ids[cell] = []
        continue
      }
      const list = await this.sql.rows(
        `SELECT session_id FROM sessions${where([...conditions, cellSql[cell]])}` +
          ` ORDER BY session_id LIMIT ${MAX_CELL_IDS}`,
        params.values
      )
      ids[cell] = list.map((r) => col.text(r, 'session_id'))
    }
    return { counts, ids }
  }

  async sessionsWithEvents(
    filter: SessionFilter
  ): Promise<{ session_id: string; sentiment: string }[]> {
    const params = new Params()
    const rows = await this.sql.rows(
      `SELECT session_id, sentiment FROM sessions${where([...conditionsFor(filter, params), HAS_EVENTS])} ORDER BY session_id`,
      params.values
    )
    return rows.map((r) => ({
      session_id: col.text(r, 'session_id'),
      sentiment: col.text(r, 'sentiment')
    }))
  }
}
