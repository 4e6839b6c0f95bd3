import type { Synchronous } from './Synchronous'
import type { DatabaseSync } from 'node:sqlite'
import type { Cell } from '../../../shared/escalation/backtestSchema'
import { CELLS, MAX_CELL_IDS } from '../../../shared/escalation/backtestSchema'
import type { SessionFilter } from '../../../shared/sessions/sessionQuery'
import { columnsOf } from '../rowValues'
import type { BacktestReads, CellCounts } from '../SessionDatabase'
import { andWhere, whereFor, type SqlWhere } from './sessionWhere'

// The interruptions-in-call rule on rows that only carry the lab's counts, counted in SQL so a
// million imported rows never leave the database: one GROUP BY for the counts, one keyset-ordered
// query per cell for the first ids.

/** Rows with no stored events: their verdict can only come from the `interruptions` column. */
const NO_EVENTS = 'NOT EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'
const HAS_EVENTS = 'EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'

const col = columnsOf('sessions')

const FLAGGED = 'interruptions >= ?'
const NEGATIVE = "sentiment = 'negative'"
const CELL_SQL: Record<Cell, string> = {
  tp: `(${FLAGGED}) AND ${NEGATIVE}`,
  fp: `(${FLAGGED}) AND NOT ${NEGATIVE}`,
  fn: `NOT (${FLAGGED}) AND ${NEGATIVE}`,
  tn: `NOT (${FLAGGED}) AND NOT ${NEGATIVE}`
}

/** Session-level confusion counts of "interruptions ≥ total" vs negative sentiment. */
function sessionLevelCells(db: DatabaseSync, where: SqlWhere, total: number): CellCounts {
  const rows = db
    .prepare(
      `SELECT ${FLAGGED} AS flagged, ${NEGATIVE} AS negative, COUNT(*) AS n FROM sessions` +
        `${andWhere(where, NO_EVENTS).clause} GROUP BY flagged, negative`
    )
    .all(total, ...where.params)
  const counts: Record<Cell, number> = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const r of rows) {
    const flagged = col.flag(r, 'flagged')
    const negative = col.flag(r, 'negative')
    const cell: Cell = flagged ? (negative ? 'tp' : 'fp') : negative ? 'fn' : 'tn'
    counts[cell] += col.number(r, 'n')
  }
  const ids = Object.fromEntries(
    CELLS.map((cell) => {
      if (counts[cell] === 0) return [cell, []]
      const list = db
        .prepare(
          `SELECT session_id FROM sessions${andWhere(where, `${NO_EVENTS} AND ${CELL_SQL[cell]}`).clause}` +
            ` ORDER BY session_id LIMIT ${MAX_CELL_IDS}`
        )
        .all(...where.params, total)
      return [cell, list.map((r) => col.text(r, 'session_id'))]
    })
  ) as Record<Cell, string[]>
  return { counts, ids }
}

/** Live calls with stored events, for the turn-level replay; ids in order. */
function sessionsWithEvents(
  db: DatabaseSync,
  where: SqlWhere
): { session_id: string; sentiment: string }[] {
  return db
    .prepare(
      `SELECT session_id, sentiment FROM sessions${andWhere(where, HAS_EVENTS).clause} ORDER BY session_id`
    )
    .all(...where.params)
    .map((r) => ({ session_id: col.text(r, 'session_id'), sentiment: col.text(r, 'sentiment') }))
}

export class SqliteBacktestReads implements Synchronous<BacktestReads> {
  constructor(private readonly db: DatabaseSync) {}

  sessionLevelCells(filter: SessionFilter, total: number): CellCounts {
    return sessionLevelCells(this.db, whereFor(filter), total)
  }

  sessionsWithEvents(filter: SessionFilter): { session_id: string; sentiment: string }[] {
    return sessionsWithEvents(this.db, whereFor(filter))
  }
}
