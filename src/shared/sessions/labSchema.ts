// The lab's voice_sessions.csv schema (Lab 059) and what the console adds to it.

export const LAB_COLUMNS = [
  'session_id',
  'scenario',
  'duration_sec',
  'latency_p50_ms',
  'latency_p95_ms',
  'interruptions',
  'turns',
  'sentiment',
  'model',
  'rag_used',
  'language'
] as const
export type LabColumn = (typeof LAB_COLUMNS)[number]

export interface LabSession {
  session_id: string
  scenario: string
  duration_sec: number
  latency_p50_ms: number
  latency_p95_ms: number
  interruptions: number
  turns: number
  sentiment: string
  model: string
  rag_used: boolean
  language: string
}

export { SESSION_SOURCES, type SessionSource } from './sessionSources'

/** Nullable metrics only live calls can fill; exported on request after the lab's columns. */
export const LIVE_METRIC_COLUMNS = [
  'at_ear_p50_ms',
  'at_ear_p95_ms',
  'backchannels',
  'echo_suspects',
  'tool_calls',
  'tool_ms_p50',
  'input_tokens',
  'output_tokens',
  'cost_usd',
  'escalated'
] as const
export type LiveMetricColumn = (typeof LIVE_METRIC_COLUMNS)[number]

export const EXTENDED_COLUMNS = [
  'started_at',
  'ended_at',
  'source',
  ...LIVE_METRIC_COLUMNS
] as const
export type ExtendedColumn = (typeof EXTENDED_COLUMNS)[number]

/** Values the lab documents; others are accepted with a warning. */
export const KNOWN_VALUES: Partial<Record<LabColumn, readonly string[]>> = {
  scenario: ['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq'],
  sentiment: ['positive', 'neutral', 'negative'],
  language: ['en', 'es', 'fr']
}

export const NUMERIC_COLUMNS = [
  'duration_sec',
  'latency_p50_ms',
  'latency_p95_ms',
  'interruptions',
  'turns'
] as const satisfies readonly LabColumn[]
export const INTEGER_COLUMNS: readonly LabColumn[] = ['interruptions', 'turns']

/** The lab's thresholds: P95 above this is "slow"; this many interruptions or more is "high". */
export const SLOW_P95_MS = 200
export const HIGH_INTERRUPTIONS = 3

/** A session as the database holds it: see storedSessionSchema.ts (zod stays out of here). */
export type { StoredSession } from './storedSessionSchema'
