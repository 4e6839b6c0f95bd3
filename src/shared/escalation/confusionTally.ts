import type { Cell, CellTally, RuleBacktest } from './backtestSchema'
import { MAX_CELL_IDS } from './backtestSchema'

/** The cell of one session: flagged by the rule or not, negative or not. */
export const cellOf = (flagged: boolean, negative: boolean): Cell =>
  flagged ? (negative ? 'tp' : 'fp') : negative ? 'fn' : 'tn'

export type Cells = Record<Cell, CellTally>

export const emptyCells = (): Cells => ({
  tp: { count: 0, sessionIds: [] },
  fp: { count: 0, sessionIds: [] },
  fn: { count: 0, sessionIds: [] },
  tn: { count: 0, sessionIds: [] }
})

/**
 * Adds sessions to a cell: the count grows by `count`, the listed ids stay the first
 * MAX_CELL_IDS by id (both sources give ids in order; merging keeps that order).
 */
export function addToCell(cells: Cells, cell: Cell, count: number, ids: readonly string[]): void {
  const tally = cells[cell]
  tally.count += count
  tally.sessionIds = [...tally.sessionIds, ...ids].sort().slice(0, MAX_CELL_IDS)
}

/** Precision and recall of a matrix; null where undefined (nothing flagged / nothing negative). */
export function scores(cells: Cells): Pick<RuleBacktest, 'precision' | 'recall'> {
  const { tp, fp, fn } = cells
  const flagged = tp.count + fp.count
  const negative = tp.count + fn.count
  return {
    precision: flagged === 0 ? null : tp.count / flagged,
    recall: negative === 0 ? null : tp.count / negative
  }
}

export const evaluatedOf = (cells: Cells): number =>
  cells.tp.count + cells.fp.count + cells.fn.count + cells.tn.count
