import { describe, expect, it } from 'vitest'
import { BARGE_IN_CLEARED, TOOL_CALL } from '../../../test/support/callFixtures'
import type { KnownCallInput } from '../live-call/callEvents'
import { replayCall } from '../live-call/callReducer'
import { liveStatus } from '../live-call/liveView'
import type { RecordedInput } from '../live-call/recordedCall'
import { applyFollowedChunk, initialFollowedView, type FollowedCallView } from './followedCallView'

/** The fixture as main would send it: JSON, `size` inputs a chunk, seq counted from 0. */
function chunksOf(fixture: readonly KnownCallInput[], size: number) {
  const inputs = JSON.parse(JSON.stringify(fixture)) as RecordedInput[]
  const chunks = []
  for (let from = 0; from < inputs.length; from += size) {
    const part = inputs.slice(from, from + size)
    chunks.push({
      afterSeq: from - 1,
      throughSeq: from + part.length - 1,
      inputs: part,
      ended: from + size >= inputs.length
    })
  }
  return chunks
}

const applyAll = (chunks: ReturnType<typeof chunksOf>): FollowedCallView =>
  chunks.reduce(applyFollowedChunk, initialFollowedView())

describe('a followed call rebuilt from its chunks', () => {
  it('is the state a replay of the whole recording gives, whatever the chunk size', () => {
    const whole = replayCall(BARGE_IN_CLEARED)
    for (const size of [1, 3, 50]) {
      const view = applyAll(chunksOf(BARGE_IN_CLEARED, size))
      expect(view.call).toEqual(whole)
      expect(view.ended).toBe(true)
      expect(view.throughSeq).toBe(BARGE_IN_CLEARED.length - 1)
    }
    expect(liveStatus(whole).interruptions).toBe(1)
  })

  it('ignores a chunk it has already applied', () => {
    const chunks = chunksOf(TOOL_CALL, 4)
    const once = applyAll(chunks)
    const twice = applyAll([chunks[0]!, chunks[1]!, chunks[1]!, ...chunks.slice(2)])
    expect(twice.call).toEqual(once.call)
    expect(twice.call.toolCalls.map((c) => c.name)).toEqual(['search_products'])
  })

  it('marks a gap instead of reducing over a hole, and then takes nothing more', () => {
    const chunks = chunksOf(TOOL_CALL, 4)
    const view = applyAll([chunks[0]!, chunks[2]!])
    expect(view.gap).toBe(true)
    expect(view.throughSeq).toBe(3)
    expect(applyFollowedChunk(view, chunks[1]!)).toBe(view)
  })

  it('takes an empty last chunk as the end of the call', () => {
    const chunks = chunksOf(TOOL_CALL, 100)
    const live = applyFollowedChunk(initialFollowedView(), { ...chunks[0]!, ended: false })
    const last = TOOL_CALL.length - 1
    const ended = applyFollowedChunk(live, {
      afterSeq: last,
      throughSeq: last,
      inputs: [],
      ended: true
    })
    expect(ended.ended).toBe(true)
    expect(ended.call).toBe(live.call)
  })
})
