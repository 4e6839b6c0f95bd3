import { describe, expect, it } from 'vitest'
import { callMetricsConfig } from './callConfig'
import type { CallMetricsOverrides } from './callConfig'
import type { CallInput, KnownCallInput } from './callEvents'
import {
  agentAnswer,
  BACKCHANNELS,
  BARGE_IN_CANCELLED,
  BARGE_IN_CLEARED,
  callerSpeech,
  CONSOLE_STOP,
  ECHO_CALL,
  ERROR_CALL,
  NORMAL_CALL,
  RECONNECT_CALL,
  recording,
  sessionCreated,
  TOOL_CALL
} from '../../../test/support/callFixtures'
import { callReducer, replayCall } from './callReducer'
import type { CallState } from './callState'
import { initialCallState } from './callState'
import type { CallDomainEvent } from './domainEvents'
import { newEvents } from './domainEvents'
import { liveStatus, transcriptItems } from './liveView'
import { sessionMetrics } from './sessionMetrics'
import { turnRecords } from './turnRecords'

const run = (inputs: readonly CallInput[], overrides?: CallMetricsOverrides): CallState =>
  replayCall(inputs, callMetricsConfig(overrides))
const until = (inputs: readonly CallInput[], t: number): CallInput[] =>
  inputs.filter((input) => input.t <= t)
const ofType = <T extends CallDomainEvent['type']>(s: CallState, type: T) =>
  s.events.filter((e): e is Extract<CallDomainEvent, { type: T }> => e.type === type)
const utterance = (s: CallState, itemId: string) => {
  const u = s.utterances.find((v) => v.itemId === itemId)
  if (!u) throw new Error(`no utterance ${itemId}`)
  return u
}
const response = (s: CallState, id: string) => {
  const r = s.responses.find((v) => v.id === id)
  if (!r) throw new Error(`no response ${id}`)
  return r
}
const at = (t: number, event: KnownCallInput['event']): KnownCallInput => ({ t, event })

describe('normal turns', () => {
  const s = run(NORMAL_CALL)
  const turns = turnRecords(s)

  it('measures latency (speech_stopped → buffer started) and at-ear latency per turn', () => {
    expect(turns.map((t) => t.latencyMs)).toEqual([430, 520, 390])
    expect(turns.map((t) => t.atEarLatencyMs)).toEqual([490, 570, 460])
    expect(turns.map((t) => t.latencySource)).toEqual(['event', 'event', 'event'])
    expect(turns.every((t) => t.exclusion === null)).toBe(true)
  })

  it('keeps the greeting out of the turns and links each answer to its caller item', () => {
    expect(turns.map((t) => [t.callerItemId, t.replyId])).toEqual([
      ['item_1', 'resp_1'],
      ['item_2', 'resp_2'],
      ['item_3', 'resp_3']
    ])
    expect(response(s, 'resp_greet').origin).toBe('client')
    expect(turns[0]?.transcript).toBe('Do you have waterproof hiking boots?')
    expect(turns[0]?.replyHeard?.heardPct).toBe(100)
  })

  it('emits turn.completed when each answer has played, in order', () => {
    const completed = ofType(s, 'turn.completed')
    expect(completed.map((e) => [e.t, e.turn.callerItemId])).toEqual([
      [9800, 'item_1'],
      [14500, 'item_2'],
      [18800, 'item_3']
    ])
    expect(ofType(s, 'caller.transcribed').map((e) => e.itemId)).toEqual([
      'item_1',
      'item_2',
      'item_3'
    ])
  })

  it('gives speaking states and streaming agent text mid-call', () => {
    const speaking = replayCall(until(NORMAL_CALL, 3500))
    expect(liveStatus(speaking)).toMatchObject({ callerSpeaking: true, agentSpeaking: false })
    const answering = replayCall(until(NORMAL_CALL, 5300))
    expect(liveStatus(answering)).toMatchObject({ callerSpeaking: false, agentSpeaking: true })
    const partial = response(answering, 'resp_1').text
    expect(partial.length).toBeGreaterThan(0)
    expect(
      'Yes, the TrailBlazer X200 is waterproof and costs one hundred forty nine dollars.'.startsWith(
        partial
      )
    ).toBe(true)
  })

  it('replays to the same state and events as step-by-step reduction', () => {
    let state = initialCallState()
    const seen: CallDomainEvent[] = []
    for (const input of NORMAL_CALL) {
      const next = callReducer(state, input)
      seen.push(...newEvents(state, next))
      state = next
    }
    expect(seen).toEqual(replayCall(NORMAL_CALL).events)
  })

  it('ignores events it does not read, except for the clock', () => {
    const before = replayCall(until(NORMAL_CALL, 5000))
    const after = callReducer(before, { t: 5001, event: { type: 'rate_limits.updated' } })
    expect(after.lastT).toBe(5001)
    expect(after.utterances).toBe(before.utterances)
    expect(after.events).toBe(before.events)
  })
})

describe('barge-in confirmed by output_audio_buffer.cleared', () => {
  const s = run(BARGE_IN_CLEARED)

  it('counts one interruption and cuts the answer at the cleared event', () => {
    expect(utterance(s, 'item_2')).toMatchObject({ kind: 'barge_in', cutAgent: true })
    expect(response(s, 'resp_1').cut).toEqual({
      t: 4905,
      by: 'caller',
      callerItemId: 'item_2',
      confirmedBy: 'cleared'
    })
    expect(sessionMetrics(s).interruptions).toBe(1)
  })

  it('lights the indicator provisionally at speech start, confirms once the words are in', () => {
    expect(ofType(s, 'barge_in.detected')).toEqual([
      { type: 'barge_in.detected', t: 4900, itemId: 'item_2', responseId: 'resp_1' }
    ])
    const confirmed = ofType(s, 'barge_in.confirmed')
    expect(confirmed).toHaveLength(1)
    expect(confirmed[0]).toMatchObject({
      t: 6700,
      startT: 4900,
      interruptions: 1,
      transcript: 'Wait, I need them in size eleven.'
    })
    const mid = replayCall(until(BARGE_IN_CLEARED, 5000))
    expect(liveStatus(mid).bargeInPending).toBe(true)
  })

  it('estimates the heard part from the server-reported audio tokens', () => {
    const heard = turnRecords(s)[1]?.interrupted?.heard
    expect(heard?.basis).toBe('audio_tokens')
    expect(heard?.heardMs).toBe(3005)
    expect(heard?.expectedMs).toBe(12_000)
    expect(heard?.heardPct).toBeCloseTo(25.04, 2)
    const text = response(s, 'resp_1').text
    expect((heard?.heardText ?? '') + (heard?.unheardText ?? '')).toBe(text)
    expect(heard?.heardText).toMatch(/ $/)
    expect(heard?.heardText.length).toBeGreaterThan(0.2 * text.length)
    expect(heard?.heardText.length).toBeLessThan(0.26 * text.length)
  })

  it('still counts both turns toward latency and shows the cut in the transcript', () => {
    expect(turnRecords(s).map((t) => [t.kind, t.latencyMs, t.exclusion])).toEqual([
      ['turn', 400, null],
      ['barge_in', 400, null]
    ])
    const agentRow = transcriptItems(s).find((i) => i.id === 'resp_1')
    expect(agentRow?.who === 'agent' && agentRow.cut?.by).toBe('caller')
  })

  it('accepts cleared arriving just before the speech_started that caused it', () => {
    const reordered = run(
      BARGE_IN_CLEARED.map((i) =>
        i.event.type === 'output_audio_buffer.cleared' ? { ...i, t: 4895 } : i
      ).sort((a, b) => a.t - b.t)
    )
    expect(response(reordered, 'resp_1').cut).toMatchObject({
      by: 'caller',
      callerItemId: 'item_2'
    })
    expect(utterance(reordered, 'item_2').kind).toBe('barge_in')
    expect(sessionMetrics(reordered).interruptions).toBe(1)
  })
})

describe('barge-in confirmed by response.done cancelled / turn_detected', () => {
  const s = run(BARGE_IN_CANCELLED)

  it('cuts at the caller speech start when no cleared event arrives', () => {
    expect(response(s, 'resp_1').cut).toEqual({
      t: 3200,
      by: 'caller',
      callerItemId: 'item_2',
      confirmedBy: 'cancelled'
    })
    expect(response(s, 'resp_1').audioEnd).toBe('cleared')
    expect(sessionMetrics(s).interruptions).toBe(1)
    expect(liveStatus(replayCall(until(BARGE_IN_CANCELLED, 3300))).agentSpeaking).toBe(false)
  })

  it('computes heard ms and % against the generated audio, keeping the deltas', () => {
    const heard = ofType(s, 'barge_in.confirmed')[0]?.heard
    expect(heard).toMatchObject({ heardMs: 1200, expectedMs: 3000, basis: 'audio_tokens' })
    expect(heard?.heardPct).toBeCloseTo(40, 6)
    expect(response(s, 'resp_1').text).toBe(
      'You can return unworn items within thirty days, and worn ones '
    )
  })

  it('is no barge-in when the caller resumes before any audio played', () => {
    const resumed = run(
      recording(
        sessionCreated(0, 'sess_1'),
        callerSpeech('item_1', 200, 1500, 'I want to return'),
        at(1510, { type: 'response.created', response: { id: 'resp_1', conversation_id: 'c' } }),
        callerSpeech('item_2', 1700, 2600, 'a pair of boots.'),
        at(1710, {
          type: 'response.done',
          response: {
            id: 'resp_1',
            status: 'cancelled',
            status_details: { reason: 'turn_detected' },
            usage: null
          }
        }),
        agentAnswer('resp_2', { created: 2610, audio: 3000, done: 3300, stopped: 5000 }, 'Sure.'),
        at(6000, { type: 'call.ended' })
      )
    )
    expect(resumed.utterances.map((u) => u.kind)).toEqual(['turn', 'turn'])
    expect(response(resumed, 'resp_1').cut).toBeNull()
    expect(turnRecords(resumed).map((t) => t.exclusion)).toEqual(['caller_resumed', null])
    expect(ofType(resumed, 'barge_in.detected')).toHaveLength(0)
  })
})

describe('backchannels', () => {
  const s = run(BACKCHANNELS)

  it('counts acknowledgements apart, never as interruptions', () => {
    expect(['item_bc1', 'item_bc2', 'item_bc3'].map((id) => utterance(s, id).kind)).toEqual([
      'backchannel',
      'backchannel',
      'backchannel'
    ])
    const m = sessionMetrics(s)
    expect([m.backchannels, m.interruptions, m.turns, m.callerTurns]).toEqual([3, 0, 2, 1])
    expect(ofType(s, 'backchannel').map((e) => [e.itemId, e.backchannels])).toEqual([
      ['item_bc1', 1],
      ['item_bc2', 2],
      ['item_bc3', 3]
    ])
    expect(response(s, 'resp_1')).toMatchObject({ cut: null, audioEnd: 'stopped' })
    expect(turnRecords(s)[0]?.exclusion).toBeNull()
  })

  it('decides by duration when the transcript is missing, by words when it is there', () => {
    const noisy = run(
      recording(
        BACKCHANNELS.filter((i) => i.t < 7000),
        callerSpeech('item_no', 7000, 7400, 'No.'),
        at(14000, { type: 'call.ended' })
      )
    )
    expect(utterance(noisy, 'item_no').kind).toBe('overlap')
    expect(ofType(noisy, 'caller.overlap').map((e) => e.itemId)).toEqual(['item_no'])
    expect(sessionMetrics(noisy).interruptions).toBe(0)
  })

  it('waits transcriptWaitMs for a transcript that never comes (clock ticks)', () => {
    const inputs = recording(
      BACKCHANNELS.filter((i) => i.t < 4000),
      callerSpeech('item_x', 4000, 4900, null),
      at(5000, { type: 'clock.tick' }),
      at(6500, { type: 'clock.tick' })
    )
    expect(utterance(replayCall(until(inputs, 5000)), 'item_x').kind).toBeNull()
    // 900 ms, no words: longer than maxMs, nothing cut → an overlap, decided at 4900 + 1500.
    const decided = replayCall(inputs)
    expect(utterance(decided, 'item_x').kind).toBe('overlap')
    expect(ofType(decided, 'caller.overlap')[0]?.t).toBe(6500)
  })

  it('decides at speech stop when the session has no transcription', () => {
    const inputs = recording(
      sessionCreated(0, 'sess_1', false),
      BACKCHANNELS.filter((i) => i.t > 0 && i.t < 4000),
      callerSpeech('item_bc', 4000, 4350, null)
    )
    const s2 = replayCall(inputs)
    expect(utterance(s2, 'item_bc').kind).toBe('backchannel')
    expect(ofType(s2, 'backchannel')[0]?.t).toBe(4350)
  })

  const cutBackchannel = recording(
    sessionCreated(0, 'sess_1'),
    callerSpeech('item_1', 200, 1500, 'What boots do you have?'),
    agentAnswer('resp_1', { created: 1510, audio: 1900, done: 2600, stopped: null }, 'We have '),
    callerSpeech('item_bc', 4000, 4300, 'Mm-hmm.'),
    at(4002, { type: 'output_audio_buffer.cleared', response_id: 'resp_1' }),
    at(6000, { type: 'call.ended' })
  )

  it('keeps an acknowledgement the server cut the agent for out of interruptions', () => {
    const s2 = run(cutBackchannel)
    expect(utterance(s2, 'item_bc')).toMatchObject({ kind: 'backchannel', cutAgent: true })
    expect(ofType(s2, 'backchannel')[0]?.cutAgent).toBe(true)
    expect(sessionMetrics(s2).interruptions).toBe(0)
  })

  it('counts it as a barge-in when backchannels must not cut (requireNoCut)', () => {
    const s2 = run(cutBackchannel, { backchannel: { requireNoCut: true } })
    expect(utterance(s2, 'item_bc').kind).toBe('barge_in')
    expect(sessionMetrics(s2).interruptions).toBe(1)
  })
})

describe('echo suspects', () => {
  const s = run(ECHO_CALL)

  it('flags speech that starts 90 ms into agent audio and repeats its words', () => {
    expect(utterance(s, 'item_echo')).toMatchObject({
      kind: 'echo_suspect',
      echo: { byTiming: true, byText: true },
      cutAgent: true
    })
    expect(ofType(s, 'echo_suspect')).toHaveLength(1)
    expect(ofType(s, 'barge_in.confirmed')).toHaveLength(0)
    const m = sessionMetrics(s)
    expect([m.echoSuspects, m.interruptions]).toEqual([1, 0])
  })

  it('does not turn the echo into a caller turn', () => {
    expect(turnRecords(s).map((t) => t.callerItemId)).toEqual(['item_1'])
    expect(response(s, 'resp_2').callerItemId).toBe('item_echo')
  })

  it('flags by words alone when the timing looks human', () => {
    const late = run(
      recording(
        sessionCreated(0, 'sess_1'),
        callerSpeech('item_1', 200, 1500, 'Do you have waterproof hiking boots?'),
        agentAnswer(
          'resp_1',
          { created: 1510, audio: 1900, done: 2300, stopped: null },
          'Yes, the TrailBlazer X200 is waterproof and costs one hundred forty nine dollars.'
        ),
        callerSpeech('item_e', 2700, 3600, 'waterproof and costs one hundred', 3800),
        at(2705, { type: 'output_audio_buffer.cleared', response_id: 'resp_1' }),
        at(5000, { type: 'call.ended' })
      )
    )
    expect(utterance(late, 'item_e').echo).toEqual({ byTiming: false, byText: true })
    expect(utterance(late, 'item_e').kind).toBe('echo_suspect')
  })
})

describe('tool call round trip', () => {
  const s = run(TOOL_CALL)

  it('records arguments, result size, main-side ms and the follow-up answer', () => {
    expect(s.toolCalls).toEqual([
      {
        callId: 'call_1',
        name: 'search_products',
        arguments: '{"query":"waterproof hiking boots","max_price":200}',
        args: { query: 'waterproof hiking boots', max_price: 200 },
        responseId: 'resp_1',
        callerItemId: 'item_1',
        requestedT: 2300,
        result: { t: 2420, ok: true, ms: 65, resultBytes: 812, resultCount: 3, error: null },
        outputSentT: 2425,
        followUpResponseId: 'resp_2'
      }
    ])
    expect(response(s, 'resp_2')).toMatchObject({ origin: 'tool_followup', callerItemId: 'item_1' })
    expect(ofType(s, 'tool.finished').map((e) => e.outcome)).toEqual(['ok'])
  })

  it('counts the spoken preamble and reports the tool answer apart', () => {
    const [turn] = turnRecords(s)
    expect(turn).toMatchObject({ latencyMs: 400, exclusion: null, toolCallIds: ['call_1'] })
    expect(turn?.answer).toEqual({ responseId: 'resp_2', audioStartT: 3950, latencyMs: 2150 })
    expect(ofType(s, 'turn.completed').map((e) => e.t)).toEqual([8000])
    const m = sessionMetrics(s)
    expect([m.ragUsed, m.toolCalls, m.toolMsTotal]).toEqual([true, 1, 65])
  })

  it('lets a tagged console request win over a waiting automatic answer', () => {
    const s2 = run(
      recording(
        TOOL_CALL.filter((i) => i.t < 2426),
        callerSpeech('item_2', 2426, 2430, null),
        at(2431, { type: 'response.create', response: { metadata: { origin: 'console' } } }),
        at(2440, {
          type: 'response.created',
          response: { id: 'resp_2', conversation_id: 'c', metadata: { origin: 'console' } }
        }),
        at(2450, { type: 'response.created', response: { id: 'resp_3', conversation_id: 'c' } })
      )
    )
    expect(response(s2, 'resp_2')).toMatchObject({
      origin: 'tool_followup',
      callerItemId: 'item_1'
    })
    expect(response(s2, 'resp_3')).toMatchObject({ origin: 'vad', callerItemId: 'item_2' })
  })

  it('reports failed and zero-result tools, and neither makes rag_used', () => {
    const base = TOOL_CALL.filter((i) => i.t < 2420)
    const zero = run(recording(base, at(2420, toolResult({ ok: true, result_count: 0 }))))
    expect(ofType(zero, 'tool.finished')[0]?.outcome).toBe('zero_results')
    const failed = run(
      recording(base, at(2420, toolResult({ ok: false, error: 'index not ready' })))
    )
    expect(ofType(failed, 'tool.finished')[0]?.outcome).toBe('failed')
    expect(failed.errors).toMatchObject([{ source: 'tool', message: 'index not ready' }])
    expect(sessionMetrics(failed).ragUsed).toBe(false)
    expect(sessionMetrics(zero).ragUsed).toBe(true)
  })
})

function toolResult(
  over: Partial<Extract<KnownCallInput['event'], { type: 'tool.result' }>>
): KnownCallInput['event'] {
  return {
    type: 'tool.result',
    call_id: 'call_1',
    name: 'search_products',
    ok: true,
    ms: 40,
    result_bytes: 20,
    ...over
  }
}

describe('errors', () => {
  const s = run(ERROR_CALL)

  it('records server errors and failed responses as errors and events', () => {
    expect(s.errors.map((e) => [e.source, e.code])).toEqual([
      ['server', 'response_cancel_not_active'],
      ['response', 'overloaded']
    ])
    expect(ofType(s, 'error')).toHaveLength(2)
  })

  it('leaves the failed answer out of latency and marks usage as partial', () => {
    expect(turnRecords(s).map((t) => t.exclusion)).toEqual([null, 'reply_failed'])
    expect(s.tokens.responsesWithoutUsage).toBe(1)
  })
})

describe('reconnect', () => {
  const s = run(RECONNECT_CALL)

  it('resets the connection but keeps the turns', () => {
    expect(s.connection).toMatchObject({ sessionId: 'sess_2', sessionIds: ['sess_1', 'sess_2'] })
    expect(ofType(s, 'session.reconnected')).toEqual([
      { type: 'session.reconnected', t: 8400, sessionId: 'sess_2', reconnects: 1 }
    ])
    expect(turnRecords(s).map((t) => [t.callerItemId, t.sessionId])).toEqual([
      ['item_1', 'sess_1'],
      ['item_2', 'sess_1'],
      ['item_3', 'sess_2']
    ])
    expect(sessionMetrics(s).reconnects).toBe(1)
  })

  it('drops what was in flight and the speaking states', () => {
    const dropped = replayCall(until(RECONNECT_CALL, 6400))
    expect(liveStatus(dropped)).toMatchObject({ connection: 'reconnecting', agentSpeaking: true })
    const back = replayCall(until(RECONNECT_CALL, 8400))
    expect(liveStatus(back)).toMatchObject({ connection: 'connected', agentSpeaking: false })
    expect(response(back, 'resp_2')).toMatchObject({ status: 'lost', audioEnd: 'lost' })
    expect(turnRecords(s).map((t) => t.latencyMs)).toEqual([400, 400, 450])
  })
})

describe('console stop and fallbacks', () => {
  it('does not count "stop agent speaking" as an interruption', () => {
    const s = run(CONSOLE_STOP)
    expect(response(s, 'resp_1').cut).toMatchObject({ by: 'console', confirmedBy: 'cleared' })
    expect(sessionMetrics(s).interruptions).toBe(0)
    expect(ofType(s, 'barge_in.confirmed')).toHaveLength(0)
  })

  it('measures latency at the ear, flagged, when buffer events are missing', () => {
    const s = run(
      recording(
        sessionCreated(0, 'sess_1'),
        callerSpeech('item_1', 200, 1500, 'Hello?'),
        agentAnswer(
          'resp_1',
          { created: 1510, audio: null, done: 2000, stopped: null, ear: 1980 },
          'Hi!'
        ),
        at(3000, { type: 'remote_audio.silent' }),
        at(4000, { type: 'call.ended' })
      )
    )
    expect(turnRecords(s)[0]).toMatchObject({
      latencyMs: 480,
      latencySource: 'ear',
      atEarLatencyMs: 480,
      exclusion: null
    })
  })

  it('treats speech over ear-detected audio as over the agent when buffer events are missing', () => {
    const s = run(
      recording(
        sessionCreated(0, 'sess_1'),
        callerSpeech('item_1', 200, 1500, 'Hello?'),
        agentAnswer(
          'resp_1',
          { created: 1510, audio: null, done: 3000, stopped: null, ear: 1980 },
          'Hi, how can I help you today?',
          { status: 'cancelled', reason: 'turn_detected' }
        ),
        callerSpeech('item_2', 2990, 4000, 'I need a tent.'),
        at(5000, { type: 'call.ended' })
      )
    )
    expect(utterance(s, 'item_2')).toMatchObject({
      overAgent: { responseId: 'resp_1', sinceAudioMs: 1010 },
      kind: 'barge_in'
    })
    expect(response(s, 'resp_1').cut).toMatchObject({ t: 2990, confirmedBy: 'cancelled' })
  })
})
