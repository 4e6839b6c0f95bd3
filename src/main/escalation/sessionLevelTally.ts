import type { DatabaseSync } from 'node:sqlite'
import type { Cell } from '../../shared/escalation/backtestSchema'
import { CELLS, MAX_CELL_IDS } from '../../shared/escalation/backtestSchema'
import type { SqlWhere } from '../sessions/sessionRows'

// The interruptions-in-call rule on rows that only carry the lab's counts, counted in SQL so a
// million imported rows never leave the database: one GROUP BY for the counts, one keyset-ordered
// query per cell for the first ids.

/** Rows with no stored events: their verdict can only come from the `interruptions` column. */
export const NO_EVENTS =
  'NOT EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'
export const HAS_EVENTS = 'EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.session_id)'

export interface CellCounts {
  counts: Record<Cell, number>
  ids: Record<Cell, string[]>
}

const FLAGGED = 'interruptions >= ?'
const NEGATIVE = "sentiment = 'negative'"
const CELL_SQL: Record<Cell, string> = {
  tp: `(${FLAGGED}) AND ${NEGATIVE}`,
  fp: `(${FLAGGED}) AND NOT ${NEGATIVE}`,
  fn: `NOT (${FLAGGED}) AND ${NEGATIVE}`,
  tn: `NOT (${FLAGGED}) AND NOT ${NEGATIVE}`
}

const and = (where: SqlWhere, more: string): string =>
  where.clause ? `${where.clause} AND ${more}` : ` WHERE ${more}`

/** Session-level confusion counts of "interruptions ≥ total" vs negative sentiment. */
export function sessionLevelCells(db: DatabaseSync, where: SqlWhere, total: number): CellCounts {
  const rows = db
    .prepare(
      `SELECT ${FLAGGED} AS flagged, ${NEGATIVE} AS negative, COUNT(*) AS n FROM sessions` +
        `${and(where, NO_EVENTS)} GROUP BY flagged, negative`
    )
    .all(total, ...where.params) as { flagged: number; negative: number; n: number }[]
  const counts: Record<Cell, number> = { tp: 0, fp: 0, fn: 0, tn: 0 }
  for (const r of rows) {
    const cell: Cell = r.flagged ? (r.negative ? 'tp' : 'fp') : r.negative ? 'fn' : 'tn'
    counts[cell] += r.n
  }
  const ids = Object.fromEntries(
    CELLS.map((cell) => {
      if (counts[cell] === 0) return [cell, []]
      const list = db
        .prepare(
          `SELECT session_id FROM sessions${and(where, `${NO_EVENTS} AND ${CELL_SQL[cell]}`)}` +
            ` ORDER BY session_id LIMIT ${MAX_CELL_IDS}`
        )
        .all(...where.params, total) as { session_id: string }[]
      return [cell, list.map((r) => r.session_id)]
    })
  ) as Record<Cell, string[]>
  return { counts, ids }
}

/** Live calls with stored events, for the turn-level replay; ids in order. */
export function sessionsWithEvents(
  db: DatabaseSync,
  where: SqlWhere
): { session_id: string; sentiment: string }[] {
  return db
    .prepare(
      `SELECT session_id, sentiment FROM sessions${and(where, HAS_EVENTS)} ORDER BY session_id`
    )
    .all(...where.params) as { session_id: string; sentiment: string }[]
}
