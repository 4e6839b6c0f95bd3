import type { CallState } from './callState'
import { countsTowardLatency, turnRecords } from './turnRecords'
import type { TurnRecord } from './callRecords'
import type { TurnRow } from './recordedCall'

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10)

/**
 * One row per caller utterance, in order, times in ms since the call's first event. Floor-taking
 * utterances (turns and barge-ins) carry their reply; latency_ms and at_ear_latency_ms are set
 * only on the turns that count toward P50/P95 (LATENCY_RULE), so those percentiles can be
 * recomputed from this table alone. Backchannels, echo suspects and overlaps keep their words
 * and times but no reply: they never take the floor.
 */
export function turnRows(state: CallState): TurnRow[] {
  const origin = state.startedT ?? 0
  const since = (t: number | null): number | null => (t === null ? null : round1(t - origin))
  const records = new Map<string, TurnRecord>(turnRecords(state).map((r) => [r.callerItemId, r]))
  const responses = new Map(state.responses.map((r) => [r.id, r]))
  return state.utterances.map((u, i): TurnRow => {
    const record = records.get(u.itemId)
    const reply = record?.replyId ? (responses.get(record.replyId) ?? null) : null
    const counts = record !== undefined && countsTowardLatency(record)
    const heard = record?.replyHeard ?? null
    return {
      turn_index: i + 1,
      kind: u.kind ?? 'undecided',
      caller_start_ms: since(u.startT),
      caller_stop_ms: since(u.stopT),
      agent_start_ms: since(record?.agentAudioStartT ?? null),
      agent_stop_ms: since(record?.agentAudioEndT ?? null),
      latency_ms: counts ? round1(record.latencyMs) : null,
      at_ear_latency_ms: counts ? round1(record.atEarLatencyMs) : null,
      barge_in: u.kind === 'barge_in',
      heard_ms: round1(heard?.heardMs ?? null),
      heard_pct: round1(heard?.heardPct ?? null),
      backchannel: u.kind === 'backchannel',
      echo_suspect: u.kind === 'echo_suspect',
      caller_text: u.transcript ?? (u.text || null),
      agent_text: reply?.text || null,
      agent_heard_text: heard ? heard.heardText : null
    }
  })
}
