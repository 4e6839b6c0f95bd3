/** The stored columns the table can show (each a sort column too). */
type StoredColumnKey =
  | 'session_id'
  | 'started_at'
  | 'scenario'
  | 'duration_sec'
  | 'latency_p50_ms'
  | 'latency_p95_ms'
  | 'interruptions'
  | 'turns'
  | 'sentiment'
  | 'escalated'
  | 'model'
  | 'rag_used'
  | 'language'
  | 'source'

/** A column of the table: a stored one, or one main computes (alerts, the search's match). */
export type ColumnKey = StoredColumnKey | 'alerts' | 'said'

/** Sorted by main: every stored column. */
export const isSortable = (key: ColumnKey): key is StoredColumnKey =>
  key !== 'alerts' && key !== 'said'

export interface SessionColumn {
  /** Also the header's key in the `sessions` namespace (`columns.<key>`), with the unit if any. */
  key: ColumnKey
  numeric: boolean
  /** Fits the header (its sort arrow when sorted) and the values, in en, es and fr. */
  width: number
  /**
   * Which chosen columns give way first when the table is too narrow for them all (the lowest
   * number first; the session id never does).
   */
  giveWay: number
}

const column = (
  key: ColumnKey,
  width: number,
  giveWay: number,
  more: Partial<SessionColumn> = {}
): SessionColumn => ({ key, width, giveWay, numeric: false, ...more })

/**
 * Every column the chooser offers, in the order shown: which call and when, the lab's columns in
 * the lab's order, the call's alerts and escalation, then the rest of the lab's and the source.
 */
export const SESSION_COLUMNS: readonly SessionColumn[] = [
  // Compact (the id's middle folded, SessionIdCell) but whole in the DOM, its title and copy.
  // Widths: each value and header whole at 1024 and 1400 px in en, es and fr (e2e checks).
  column('session_id', 190, Infinity),
  column('started_at', 145, 70),
  column('scenario', 125, 60),
  column('duration_sec', 120, 20, { numeric: true }),
  column('latency_p50_ms', 100, 10, { numeric: true }),
  column('latency_p95_ms', 95, 30, { numeric: true }),
  column('interruptions', 140, 25, { numeric: true }),
  column('turns', 85, 15, { numeric: true }),
  column('sentiment', 115, 40),
  column('alerts', 115, 80),
  column('escalated', 100, 50),
  column('model', 140, 12),
  column('rag_used', 120, 14),
  column('language', 110, 16),
  column('source', 100, 18)
]

/** The match column: shown only while searching what was said, it takes the width left. */
export const SAID_COLUMN = column('said', 0, Infinity)
/** The least the match column keeps; chosen columns give way to leave it this. */
export const SAID_MIN_WIDTH_PX = 240

export const CHOOSABLE_KEYS: readonly ColumnKey[] = SESSION_COLUMNS.map((c) => c.key)

/**
 * What a desk shows before it chooses: 885 px, which a 1024 px window's table (902 px, less a
 * scroll bar) holds in en, es and fr.
 */
export const DEFAULT_COLUMN_KEYS: readonly ColumnKey[] = [
  'session_id',
  'started_at',
  'scenario',
  'latency_p95_ms',
  'sentiment',
  'alerts',
  'escalated'
]
