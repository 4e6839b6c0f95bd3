import type { CallState } from './callState'
import {
  classifyOverlap,
  countsAsInterruption,
  overlapIsDecidable,
  utteranceDurationMs
} from './classifyUtterance'
import { heardOf, speechRates } from './heardEstimate'
import { findResponse, emit, updateUtterance } from './stateUpdates'
import type { TurnContext } from './turnRecords'
import { buildTurn, isFloorTaking, turnContext, turnIsOver } from './turnRecords'

/**
 * Runs after every input: decides overlapping utterances whose time has come, then emits
 * `turn.completed` for turns that are over. Time-based decisions therefore need inputs to
 * arrive; the page sends `clock.tick` when the channel is quiet.
 */
export function settle(s: CallState, t: number): CallState {
  let next = s
  for (const undecided of s.utterances) {
    if (undecided.kind !== null) continue
    const u = next.utterances.find((v) => v.itemId === undecided.itemId)
    if (!u || !overlapIsDecidable(next, u, t)) continue
    const agent = findResponse(next, u.overAgent?.responseId)
    const { kind, echo } = classifyOverlap(u, agent, next.config)
    next = updateUtterance(next, u.itemId, (v) => ({ ...v, kind, echo }))
    next = emitClassification(next, u.itemId, t)
  }
  return completeTurns(next, t)
}

/** The domain event for an utterance that was just decided. */
export function emitClassification(s: CallState, itemId: string, t: number): CallState {
  const u = s.utterances.find((v) => v.itemId === itemId)
  if (!u || u.kind === null || u.kind === 'turn') return s
  const responseId = u.overAgent?.responseId ?? ''
  switch (u.kind) {
    case 'barge_in': {
      const agent = findResponse(s, responseId)
      return emit(s, {
        type: 'barge_in.confirmed',
        t,
        itemId,
        responseId,
        startT: u.startT,
        transcript: u.transcript,
        heard: agent ? heardOf(agent, speechRates(s.responses, s.config)) : null,
        interruptions: s.utterances.filter(countsAsInterruption).length
      })
    }
    case 'backchannel':
      return emit(s, {
        type: 'backchannel',
        t,
        itemId,
        transcript: u.transcript,
        durationMs: utteranceDurationMs(u),
        cutAgent: u.cutAgent,
        backchannels: s.utterances.filter((v) => v.kind === 'backchannel').length
      })
    case 'echo_suspect':
      return emit(s, {
        type: 'echo_suspect',
        t,
        itemId,
        responseId,
        byTiming: u.echo?.byTiming ?? false,
        byText: u.echo?.byText ?? false,
        cutAgent: u.cutAgent,
        transcript: u.transcript
      })
    case 'overlap':
      return emit(s, { type: 'caller.overlap', t, itemId, transcript: u.transcript })
  }
}

function completeTurns(s: CallState, t: number): CallState {
  let next = s
  let index = 0
  let ctx: TurnContext | null = null
  for (const u of s.utterances) {
    if (!isFloorTaking(u)) continue
    index++
    if (u.turnCompletedT !== null || !turnIsOver(next, u)) continue
    next = updateUtterance(next, u.itemId, (v) => ({ ...v, turnCompletedT: t }))
    ctx ??= turnContext(next)
    next = emit(next, { type: 'turn.completed', t, turn: buildTurn(u, index, ctx) })
  }
  return next
}
