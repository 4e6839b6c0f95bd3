import type { CallDomainEvent } from '../live-call/domainEvents'
import type { EscalationAlert } from './escalationAlert'
import type { EscalationState, SentimentReader } from './escalationState'
import { initialEscalationState } from './escalationState'
import { onInterruption, onSentimentVerdict, onTranscript } from './callerRules'
import { onToolFinished, onTurnCompleted } from './serviceRules'
import type { RuleId } from './rules'
import type { EscalationThresholds } from './thresholds'

export interface EscalationStep {
  state: EscalationState
  /** Alerts raised by this event (usually none). */
  raised: EscalationAlert[]
}

/**
 * The rules engine: pure, fed the call reducer's domain events one at a time, live (the new
 * tail after each reducer step) and in backtests (a replayed call). Backchannels, echo suspects
 * and overlaps never count as interruptions: only `barge_in.confirmed` does, and the words of
 * backchannels and echoes (the agent's own voice) are never read for requests or sentiment.
 */
export function stepEscalation(state: EscalationState, event: CallDomainEvent): EscalationStep {
  const next = apply(state, event)
  return { state: next, raised: next.alerts.slice(state.alerts.length) }
}

function apply(s: EscalationState, e: CallDomainEvent): EscalationState {
  switch (e.type) {
    case 'barge_in.confirmed':
      return onInterruption(s, e)
    case 'caller.transcribed':
      // Undecided (null) speech over the agent waits for its verdict event; echoes and
      // backchannels are not the caller's words to judge.
      return e.kind === 'turn' || e.kind === 'barge_in' || e.kind === 'overlap'
        ? onTranscript(s, e.itemId, e.t, e.transcript)
        : s
    case 'caller.overlap':
      return e.transcript === null ? s : onTranscript(s, e.itemId, e.t, e.transcript)
    case 'caller.sentiment':
      return onSentimentVerdict(s, e)
    case 'turn.completed':
      return onTurnCompleted(s, e)
    case 'tool.finished':
      return onToolFinished(s, e)
    default:
      return s
  }
}

/** Feeds several events (a reducer step's new tail, or a whole recorded call). */
export function stepEscalationAll(
  state: EscalationState,
  events: Iterable<CallDomainEvent>
): EscalationStep {
  let next = state
  for (const event of events) next = apply(next, event)
  return { state: next, raised: next.alerts.slice(state.alerts.length) }
}

/** Every alert a whole call raises with these thresholds (backtests, tests). */
export function alertsOfCall(
  events: Iterable<CallDomainEvent>,
  thresholds: EscalationThresholds,
  sentimentReader: SentimentReader = 'lexicon'
): EscalationAlert[] {
  return stepEscalationAll(initialEscalationState(thresholds, sentimentReader), events).state.alerts
}

/** After a supervisor acted on a rule's alert, the rule may fire again in the same call. */
export function reopenRule(state: EscalationState, rule: RuleId): EscalationState {
  const open = { ...state.open }
  delete open[rule]
  return { ...state, open }
}
