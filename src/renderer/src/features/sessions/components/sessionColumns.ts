import type { StoredSession } from '@shared/sessions/labSchema'
import type { SortColumn } from '../sessionsStore'

export interface SessionColumn {
  /** Also the header's key in the `sessions` namespace (`columns.<key>`), with the unit if any. */
  key: SortColumn & keyof StoredSession
  numeric: boolean
  /** Fits the header with its sort arrow in en, es and fr; the table scrolls sideways if needed. */
  width: number
}

/** The lab's eleven columns in the lab's order, then where each session came from and when. */
export const SESSION_COLUMNS = [
  // A live call's whole id (LIVE-yyyymmdd-hhmmss-xxxx, 8 hex when begun offline): cut, every
  // row of a day would read the same.
  { key: 'session_id', numeric: false, width: 250 },
  { key: 'scenario', numeric: false, width: 130 },
  { key: 'duration_sec', numeric: true, width: 135 },
  { key: 'latency_p50_ms', numeric: true, width: 110 },
  { key: 'latency_p95_ms', numeric: true, width: 110 },
  { key: 'interruptions', numeric: true, width: 145 },
  { key: 'turns', numeric: true, width: 85 },
  { key: 'sentiment', numeric: false, width: 135 },
  { key: 'model', numeric: false, width: 140 },
  { key: 'rag_used', numeric: false, width: 130 },
  { key: 'language', numeric: false, width: 115 },
  { key: 'source', numeric: false, width: 95 },
  { key: 'started_at', numeric: false, width: 175 }
] as const satisfies readonly SessionColumn[]

export type ShownColumn = (typeof SESSION_COLUMNS)[number]['key']
