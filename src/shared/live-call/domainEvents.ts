import type {
  CallError,
  HeardEstimate,
  ToolCallRecord,
  TurnRecord,
  UtteranceKind
} from './callRecords'

// Domain events derived by the reducer, appended to `state.events` in order. The escalation
// rules (issue 7) read them live after each input and in backtests by replaying recorded inputs,
// so both see the same stream. `t` is when the reducer could tell (the input's time).

export type CallDomainEvent =
  /** Caller speech started over agent audio: provisional, for the indicator; may end as anything. */
  | { type: 'barge_in.detected'; t: number; itemId: string; responseId: string }
  /** A counted interruption (see countsAsInterruption). */
  | {
      type: 'barge_in.confirmed'
      t: number
      itemId: string
      responseId: string
      /** When the caller started speaking over the agent. */
      startT: number
      transcript: string | null
      heard: HeardEstimate | null
      /** Interruptions in the call so far, this one included. */
      interruptions: number
    }
  | {
      type: 'backchannel'
      t: number
      itemId: string
      transcript: string | null
      durationMs: number | null
      /** The server cut the agent for it anyway (`interrupt_response`). */
      cutAgent: boolean
      backchannels: number
    }
  | {
      type: 'echo_suspect'
      t: number
      itemId: string
      responseId: string
      byTiming: boolean
      byText: boolean
      cutAgent: boolean
      transcript: string | null
    }
  /** Caller talked over the agent without cutting it and without acknowledging. */
  | { type: 'caller.overlap'; t: number; itemId: string; transcript: string | null }
  | {
      type: 'caller.transcribed'
      t: number
      itemId: string
      transcript: string
      language: string | null
      /** null while an overlapping utterance is still undecided. */
      kind: UtteranceKind | null
    }
  /** Main's sentiment reading of a caller utterance (model-read calls only). */
  | {
      type: 'caller.sentiment'
      t: number
      itemId: string
      negative: boolean
      cue: string
    }
  | { type: 'turn.completed'; t: number; turn: TurnRecord }
  | {
      type: 'tool.finished'
      t: number
      outcome: 'ok' | 'zero_results' | 'failed'
      call: ToolCallRecord
    }
  | { type: 'error'; t: number; error: CallError }
  | { type: 'session.reconnected'; t: number; sessionId: string; reconnects: number }

export type CallDomainEventType = CallDomainEvent['type']

/** Events appended by the last reducer step (`next` must come from `prev`). */
export function newEvents(
  prev: { events: readonly CallDomainEvent[] },
  next: { events: readonly CallDomainEvent[] }
): readonly CallDomainEvent[] {
  return next.events.slice(prev.events.length)
}
