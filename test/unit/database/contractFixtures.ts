import type { TurnRow } from '../../../src/shared/live-call/recordedCall'
import type { StoredSession } from '../../../src/shared/sessions/labSchema'
import type { SessionIds } from '../../../src/main/reports/sessionIds'
import type { ReportReads, ReportSelection } from '../../../src/main/database/SessionDatabase'
import type { ReportFilter } from '../../../src/shared/analytics/reportSchemas'
import { reportSelection } from '../../../src/main/reports/reportSelection'
import { selectRows } from '../../../src/main/reports/selectRows'
import { loadSessionColumns } from '../../../src/main/reports/sessionColumns'

// The rows the behavioural suites of the session database write and read back.

export const session = (id: string, more: Partial<StoredSession> = {}): StoredSession => ({
  session_id: id,
  scenario: 'complaint',
  duration_sec: 61.5,
  latency_p50_ms: 410,
  latency_p95_ms: 780,
  interruptions: 2,
  turns: 7,
  sentiment: 'negative',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'en',
  started_at: '2026-11-25T14:30:00.000Z',
  ended_at: '2026-11-25T14:31:01.500Z',
  source: 'live',
  at_ear_p50_ms: 450,
  at_ear_p95_ms: null,
  backchannels: 1,
  echo_suspects: 0,
  tool_calls: 2,
  tool_ms_p50: 35.5,
  input_tokens: 1200,
  output_tokens: 800,
  cost_usd: 0.042,
  escalated: null,
  ...more
})

export const turn = (index: number): TurnRow => ({
  turn_index: index,
  kind: index === 1 ? 'barge_in' : 'turn',
  caller_start_ms: 100 * index,
  caller_stop_ms: 100 * index + 50,
  agent_start_ms: null,
  agent_stop_ms: null,
  latency_ms: 420,
  at_ear_latency_ms: null,
  barge_in: index === 1,
  heard_ms: null,
  heard_pct: null,
  backchannel: false,
  echo_suspect: false,
  caller_text: 'where is my order',
  agent_text: null,
  agent_heard_text: null
})

/** A part of the report columns' ids as an array. */
export const idsOf = (ids: SessionIds): string[] =>
  Array.from({ length: ids.size }, (_, row) => ids.at(row))

/**
 * Every row a read of the report columns visits (its visitor's arguments) with its id, in
 * session_id order: each part's rows put in the order it gives, if any.
 */
export async function readColumns(
  reads: ReportReads
): Promise<{ ids: string[]; rows: unknown[][]; parts: number }> {
  const ids: string[] = []
  const rows: unknown[][] = []
  let visited: unknown[][] = []
  let parts = 0
  for await (const part of reads.sessionColumns((...row) => void visited.push(row))) {
    parts++
    const partIds = idsOf(part.ids)
    if (partIds.length !== visited.length) throw new Error('a part with other rows than visited')
    const order = part.order ? [...part.order] : partIds.map((_, row) => row)
    ids.push(...order.map((row) => partIds[row]!))
    rows.push(...order.map((row) => visited[row]!))
    visited = []
  }
  return { ids, rows, parts }
}

/** A report filter's sessions as ReportQueries hands them to alertFigures: from the columns. */
export async function selectionOf(
  reads: ReportReads,
  filter: ReportFilter
): Promise<ReportSelection> {
  const columns = await loadSessionColumns(reads, async () => {})
  return reportSelection(columns, selectRows(columns, filter))
}
