import { appendFileSync } from 'node:fs'
import type { EventVia } from '../call/callTransport'
import type { ResponsesRecord } from '../responses/responsesRecord'

/** What actually happened, for tests to compare with what the console measured. */
export type GroundTruthRecord =
  | { kind: 'call'; state: 'created' | 'connected' | 'closed'; detail?: string }
  | { kind: 'event'; direction: 'sent' | 'received'; event: unknown; via?: EventVia }
  | { kind: 'vad'; type: 'speech_started' | 'speech_stopped'; audio_ms: number }
  | {
      kind: 'response_delay'
      response_id: string
      trigger: 'speech_stopped' | 'response.create'
      scripted_delay_ms: number
      /** From the trigger to the answer's first audio frame leaving the simulator. */
      actual_delay_ms: number
    }
  | {
      kind: 'barge_in'
      response_id: string
      played_ms: number
      total_ms: number
      caller_audio_ms: number
    }
  | {
      kind: 'tool_call'
      /** The function call's `call_id` (the entry's own `call_id` is the call's). */
      function_call_id: string
      name: string
      arguments: string
      output?: string
    }
  | { kind: 'fault'; fault: string; detail?: string }
  | LiveRecord
  | { kind: 'sideband'; state: 'attached' | 'detached'; sideband_id: string; detail?: string }
  | {
      kind: 'truncate'
      item_id: string
      audio_end_ms: number
      /** The item's audio before the truncation. */
      audio_ms: number
      via: EventVia
    }
  | SipRecord
  | WebhookAttemptRecord
  | ResponsesRecord

/** GPT-Live only (live/LiveSession): delegations and each stretch of agent speech. */
export type LiveRecord =
  | {
      kind: 'delegation'
      state: 'created'
      delegation_id: string
      offset_ms: number
      /** The tool the scripted agent meant: the client must infer it from the transcript. */
      expected_tool: string
      expected_arguments: string
    }
  | {
      kind: 'delegation'
      state: 'answered'
      delegation_id: string
      offset_ms: number
      content: string
    }
  | {
      kind: 'agent_speech'
      response_id: string
      text: string
      played_ms: number
      total_ms: number
      cut: boolean
    }

/** A phone call's life: the INVITE, the server's decision and who ended it (sip/SipCall). */
export type SipRecord = { kind: 'sip' } & (
  | { state: 'incoming'; from: string; to: string; caller_audio_ms: number }
  | { state: 'accepted' }
  | { state: 'rejected'; status_code: number }
  | { state: 'referred'; target_uri: string }
  | {
      state: 'ended'
      ended_by: 'caller' | 'server' | 'simulator'
      reason: string
      /** Caller audio fed to the session, and agent audio pulled from its playout (played). */
      caller_audio_ms: number
      agent_audio_ms: number
    }
)

/** One delivery attempt of a webhook (webhooks/WebhookSender): status null = network error. */
export interface WebhookAttemptRecord {
  kind: 'webhook'
  webhook_id: string
  event_type: string
  attempt: number
  status: number | null
  delivered: boolean
  error?: string
}

/** Each entry: wall-clock epoch ms (comparable with a page's timeOrigin + now()) and call id. */
export type GroundTruthEntry = GroundTruthRecord & { at_ms: number; call_id: string | null }

/**
 * Enough for the longest scripted test call (a few thousand events) many times over; a demo
 * agent left running for days keeps only the latest entries, counting the ones it dropped.
 */
export const GROUND_TRUTH_LIMIT = 10_000

/**
 * The simulator's log, in memory as a ring of the last `limit` entries (the oldest are dropped
 * and counted), so a long-running simulator never grows without bound.
 */
export class GroundTruthLog {
  private readonly ring: GroundTruthEntry[] = []
  /** Where the next entry goes once the ring is full. */
  private next = 0
  private droppedCount = 0
  /** Lines not yet in the file: written together once the current task is over. */
  private pending: string[] = []
  private readonly flushSoon = (): void => this.flush()

  /**
   * With a file, every entry is also appended to it as one JSON line (the file is not bounded),
   * in one write per turn of the event loop: a write per entry cost twenty simultaneous calls
   * milliseconds each time they all did the same thing, and every later stamp carried it. What
   * is pending is written when the process exits too.
   */
  constructor(
    private readonly file?: string,
    readonly limit = GROUND_TRUTH_LIMIT
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer')
    if (file) process.once('exit', this.flushSoon)
  }

  /** Entries dropped from memory because the ring was full. */
  get dropped(): number {
    return this.droppedCount
  }

  record(callId: string | null, record: GroundTruthRecord): void {
    const entry = { at_ms: performance.timeOrigin + performance.now(), call_id: callId, ...record }
    if (this.ring.length < this.limit) this.ring.push(entry)
    else {
      this.ring[this.next] = entry
      this.next = (this.next + 1) % this.limit
      this.droppedCount++
    }
    if (!this.file) return
    if (this.pending.length === 0) setImmediate(this.flushSoon)
    this.pending.push(`${JSON.stringify(entry)}\n`)
  }

  /** Writes what is pending to the file now (the simulator's close, the process's exit). */
  flush(): void {
    if (!this.file || this.pending.length === 0) return
    const lines = this.pending.join('')
    this.pending = []
    appendFileSync(this.file, lines)
  }

  /** The simulator closed: what is pending written, and no longer waiting for the exit. */
  close(): void {
    this.flush()
    process.removeListener('exit', this.flushSoon)
  }

  /** The kept entries, oldest first. */
  list(callId?: string): GroundTruthEntry[] {
    const ordered = [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)]
    return callId === undefined ? ordered : ordered.filter((e) => e.call_id === callId)
  }
}
