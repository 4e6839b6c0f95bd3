import type { CallState } from './callState'
import type { ResponseCut } from './callRecords'
import { emitClassification } from './settle'
import { updateResponse, updateUtterance } from './stateUpdates'

/**
 * Records that a response's audio was cut. A caller cut confirms the barge-in on that speech;
 * speech already decided as a plain overlap (the confirmation came late) becomes a barge-in.
 */
export function markCut(s: CallState, responseId: string, cut: ResponseCut, t: number): CallState {
  let next = updateResponse(s, responseId, (r) => ({
    ...r,
    cut,
    audioEnd: r.audioEnd ?? 'cleared',
    audioEndT: r.audioEndT ?? cut.t
  }))
  if (next.playingResponseId === responseId) next = { ...next, playingResponseId: null }
  const itemId = cut.callerItemId
  if (cut.by !== 'caller' || itemId === null) return next
  next = updateUtterance(next, itemId, (u) => ({ ...u, cutAgent: true }))
  const speech = next.utterances.find((u) => u.itemId === itemId)
  if (speech?.kind !== 'overlap') return next
  next = updateUtterance(next, itemId, (u) => ({ ...u, kind: 'barge_in' }))
  return emitClassification(next, itemId, t)
}
