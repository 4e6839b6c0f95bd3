import type { CallInput } from '../live-call/callEvents'
import { callReducer } from '../live-call/callReducer'
import { initialCallState, type CallState } from '../live-call/callState'
import type { FollowedCallChunk } from './followedCall'

/** A followed call as a console rebuilds it from the chunks main sends. */
export interface FollowedCallView {
  /** The desk's reducer over every stored input so far: what the live call screen shows. */
  call: CallState
  /** The last sequence number applied (-1 before the first chunk). */
  throughSeq: number
  ended: boolean
  /** A chunk arrived that does not follow on from the last: follow again from the start. */
  gap: boolean
}

export function initialFollowedView(): FollowedCallView {
  return { call: initialCallState(), throughSeq: -1, ended: false, gap: false }
}

/**
 * The view after one chunk. Chunks follow on from each other (`afterSeq` is the previous one's
 * `throughSeq`); one already applied is ignored, and one that skips ahead marks a gap rather than
 * leave the reducer with a hole in the call.
 */
export function applyFollowedChunk(
  view: FollowedCallView,
  chunk: Pick<FollowedCallChunk, 'afterSeq' | 'throughSeq' | 'inputs' | 'ended'>
): FollowedCallView {
  if (view.ended || view.gap) return view
  if (chunk.afterSeq !== view.throughSeq)
    return chunk.throughSeq <= view.throughSeq ? view : { ...view, gap: true }
  let call = view.call
  // Recorded as the recorder received them: the reducer reads what it knows, as in a replay.
  for (const input of chunk.inputs) call = callReducer(call, input as CallInput)
  return { call, throughSeq: chunk.throughSeq, ended: chunk.ended, gap: false }
}
