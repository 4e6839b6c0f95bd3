import type { StoredSession } from '@shared/sessions/labSchema'
import type { SortColumn } from '../sessionsStore'

export type ShownColumn = SortColumn & keyof StoredSession

export interface SessionColumn {
  key: ShownColumn
  /** Header text, with the unit when there is one. */
  label: string
  numeric: boolean
  /** Fits the header with its sort arrow; the table scrolls sideways in narrow windows. */
  width: number
}

/** The lab's eleven columns in the lab's order, then where each session came from and when. */
export const SESSION_COLUMNS: readonly SessionColumn[] = [
  { key: 'session_id', label: 'Session ID', numeric: false, width: 120 },
  { key: 'scenario', label: 'Scenario', numeric: false, width: 130 },
  { key: 'duration_sec', label: 'Duration (s)', numeric: true, width: 135 },
  { key: 'latency_p50_ms', label: 'P50 (ms)', numeric: true, width: 110 },
  { key: 'latency_p95_ms', label: 'P95 (ms)', numeric: true, width: 110 },
  { key: 'interruptions', label: 'Interruptions', numeric: true, width: 145 },
  { key: 'turns', label: 'Turns', numeric: true, width: 85 },
  { key: 'sentiment', label: 'Sentiment', numeric: false, width: 120 },
  { key: 'model', label: 'Model', numeric: false, width: 140 },
  { key: 'rag_used', label: 'RAG used', numeric: false, width: 115 },
  { key: 'language', label: 'Language', numeric: false, width: 115 },
  { key: 'source', label: 'Source', numeric: false, width: 95 },
  { key: 'started_at', label: 'Started', numeric: false, width: 175 }
]
