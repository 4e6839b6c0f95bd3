import type {
  ClientEvent as LiveClientEvent,
  ServerEvent as LiveServerEvent
} from 'openai/resources/live/live'
import { describe, expect, it } from 'vitest'
import type { CallInput, LocalObservation } from './callEvents'
import { replayCall } from './callReducer'
import type { CallState } from './callState'
import { planDelegation } from './delegationPlan'
import { sessionMetrics } from './sessionMetrics'
import { transcriptItems } from './liveView'
import { turnRecords } from './turnRecords'

// GPT-Live calls through the reducer: SDK-typed Live events (as the simulator and the service
// send them) plus the page's own observations, in arrival order on the page clock. The session
// timeline starts at page time 1000 here, so an output fragment stamped start_ms 500 arrives
// at t = 1500 with its audio.

const T0 = 1000
const server = (t: number, event: LiveServerEvent): CallInput => ({ t, event })
const client = (t: number, event: LiveClientEvent): CallInput => ({ t, event })
const local = (t: number, type: LocalObservation['type']): CallInput =>
  ({ t, event: { type } }) as CallInput
const ticks = (from: number, to: number): CallInput[] =>
  Array.from({ length: Math.floor((to - from) / 250) + 1 }, (_, i) =>
    local(from + i * 250, 'clock.tick')
  )
const byTime = (inputs: CallInput[]): CallInput[] => [...inputs].sort((a, b) => a.t - b.t)

const started = server(T0, {
  type: 'session.started',
  event_id: 'ev_1',
  session: { id: 'live_123', model: 'gpt-live-1', status: 'active', expires_at: 2e9 }
})
const said = (words: string[], startMs: number, spanMs: number, sentAt: number): CallInput[] =>
  words.map((word, i) =>
    server(sentAt + i * 20, {
      type: 'session.input_transcript.delta',
      event_id: `in_${startMs}_${i}`,
      delta: (i ? ' ' : '') + word,
      start_ms: startMs + (i * spanMs) / words.length,
      end_ms: startMs + ((i + 1) * spanMs) / words.length
    })
  )
/** Agent speech from timeline `startMs`: one fragment per word, each sent as its audio plays. */
const spoken = (words: string[], startMs: number, perWordMs: number): CallInput[] =>
  words.map((word, i) =>
    server(T0 + startMs + i * perWordMs, {
      type: 'session.output_transcript.delta',
      event_id: `out_${startMs}_${i}`,
      delta: (i ? ' ' : '') + word,
      start_ms: startMs + i * perWordMs,
      end_ms: startMs + (i + 1) * perWordMs
    })
  )

const GREETING = ['Thanks', 'for', 'calling.']
const CALLER = "Hi, I'm looking for waterproof hiking boots under two hundred dollars."

/** Greeting, a product question answered through a delegation, the follow-up, hang-up. */
function delegationCall(backToBack = false): CallInput[] {
  // Back to back: the follow-up was queued behind the acknowledgement and plays right after it.
  const followUpMs = backToBack ? 7500 : 8000
  return byTime([
    started,
    // Greeting: timeline 300–1200, heard at page 1300–2200.
    ...spoken(GREETING, 300, 300),
    local(T0 + 310, 'remote_audio.audible'),
    local(T0 + 1500, 'remote_audio.silent'),
    // The caller speaks 3000–5500 (page 4000–6500); both VADs call it over 500 ms later, at
    // page 7000, and the transcript follows.
    local(4000, 'mic.speech_started'),
    local(7000, 'mic.speech_stopped'),
    ...said(CALLER.split(' '), 3000, 2500, 7100),
    server(7500, {
      type: 'session.delegation.created',
      event_id: 'ev_d',
      delegation: { id: 'deleg_1', target: 'client', type: 'delegation' },
      offset_ms: 6500
    }),
    // The preamble: first audio at page 7600 (timeline 6600), 3 words of 300 ms.
    ...spoken(['Sure,', 'one', 'moment.'], 6600, 300),
    local(7610, 'remote_audio.audible'),
    client(7800, {
      type: 'session.commentary.append',
      delegation_id: 'deleg_1',
      content: '{"products":[{"name":"TrailBlazer X200"}]}'
    }),
    ...(backToBack ? [] : [local(8800, 'remote_audio.silent')]),
    // The follow-up: timeline 8000 (page 9000).
    ...spoken(['I', 'found', 'the', 'TrailBlazer', 'X200.'], followUpMs, 300),
    ...(backToBack ? [] : [local(9010, 'remote_audio.audible')]),
    local(10_800, 'remote_audio.silent'),
    ...ticks(T0, 12_500),
    client(12_600, { type: 'session.close' }),
    local(12_600, 'call.ended')
  ])
}

const run = (inputs: CallInput[]): CallState => replayCall(inputs)

describe('GPT-Live adapter: a product question answered through a client delegation', () => {
  const s = run(delegationCall())

  it('opens one answer per stretch of agent speech: greeting, preamble, follow-up', () => {
    expect(s.responses.map((r) => [r.id, r.text, r.status])).toEqual([
      ['live_out_1', 'Thanks for calling.', 'completed'],
      ['live_out_2', 'Sure, one moment.', 'completed'],
      ['live_out_3', 'I found the TrailBlazer X200.', 'completed']
    ])
  })

  it('builds the caller utterance from the microphone and its transcript from the fragments', () => {
    expect(s.utterances.map((u) => [u.itemId, u.startT, u.stopT, u.transcript, u.kind])).toEqual([
      // Ended where the service's first transcript fragment showed it heard the end.
      ['live_in_1', 4000, 7100, CALLER, 'turn']
    ])
  })

  it('turns the delegation into the catalog tool call the console runs, answered by the commentary', () => {
    expect(s.toolCalls).toMatchObject([
      {
        callId: 'deleg_1',
        name: 'search_products',
        args: planDelegation(CALLER).arguments,
        responseId: 'live_out_2',
        callerItemId: 'live_in_1',
        outputSentT: 7800,
        followUpResponseId: 'live_out_3'
      }
    ])
    expect(planDelegation(CALLER)).toEqual({
      name: 'search_products',
      arguments: { query: CALLER, category: 'footwear', max_price: 200 }
    })
  })

  it('measures latency as Realtime does: end of caller speech → first agent audio', () => {
    const turns = turnRecords(s)
    expect(turns.map((t) => [t.callerItemId, t.replyId, t.latencyMs])).toEqual([
      // To the first output fragment, which leaves with the first audio frame (the ear heard
      // it 10 ms later: the at-ear figure).
      ['live_in_1', 'live_out_2', 500]
    ])
    expect(s.events.filter((e) => e.type === 'barge_in.detected')).toEqual([])
  })

  it('shows both sides in the transcript, in order', () => {
    expect(transcriptItems(s).map((i) => [i.who, i.text])).toEqual([
      ['agent', 'Thanks for calling.'],
      ['caller', CALLER],
      ['agent', 'Sure, one moment.'],
      ['agent', 'I found the TrailBlazer X200.']
    ])
  })
})

describe('GPT-Live adapter: where the caller stopped', () => {
  it("ends at the service's first sign of hearing the end, not the page's earlier microphone", () => {
    // The page's microphone knows 300 ms before the service does (the uplink): the turn still
    // ends at the first transcript fragment after it, as Realtime's at speech_stopped's arrival.
    const early = delegationCall().map((input) =>
      input.event.type === 'mic.speech_stopped' ? { ...input, t: 6700 } : input
    )
    const s = run(early)
    expect(s.utterances[0]?.stopT).toBe(7100)
    expect(turnRecords(s)[0]?.latencyMs).toBe(500)
  })
})

describe('GPT-Live adapter: a follow-up played right after the acknowledgement', () => {
  it('still opens an answer of its own, heard from its first fragment', () => {
    const s = run(delegationCall(true))
    expect(s.responses.map((r) => [r.id, r.text, r.firstAudibleT])).toEqual([
      ['live_out_1', 'Thanks for calling.', 1310],
      ['live_out_2', 'Sure, one moment.', 7610],
      ['live_out_3', 'I found the TrailBlazer X200.', 8500]
    ])
    expect(s.toolCalls[0]?.followUpResponseId).toBe('live_out_3')
  })
})

describe('GPT-Live adapter: the caller cuts the agent off (barge-in)', () => {
  const long = 'Our tents come in many sizes and weights for every kind of trip'.split(' ')
  const inputs = byTime([
    started,
    ...spoken(long.slice(0, 7), 500, 300),
    local(T0 + 510, 'remote_audio.audible'),
    // The caller starts at page 3000 (timeline 2000), over the agent; the service stops the
    // agent's audio and its transcript (the ear hears silence from 3150).
    local(3000, 'mic.speech_started'),
    local(3150, 'remote_audio.silent'),
    local(4500, 'mic.speech_stopped'),
    ...said(['Sorry,', 'which', 'one', 'is', 'lighter?'], 2000, 1500, 4600),
    ...spoken(['The', 'Summit', 'Pro', 'is', 'lighter.'], 4300, 300),
    local(5310, 'remote_audio.audible'),
    local(6900, 'remote_audio.silent'),
    ...ticks(T0, 9000)
  ])
  const s = run(inputs)

  it('lights the indicator at the caller speech start and confirms the interruption', () => {
    const detected = s.events.find((e) => e.type === 'barge_in.detected')
    expect(detected).toMatchObject({ t: 3000, itemId: 'live_in_1', responseId: 'live_out_1' })
    const confirmed = s.events.find((e) => e.type === 'barge_in.confirmed')
    expect(confirmed).toMatchObject({ itemId: 'live_in_1', startT: 3000, interruptions: 1 })
  })

  it('marks the cut answer cancelled, cut by the caller when its audio stopped', () => {
    const cut = s.responses.find((r) => r.id === 'live_out_1')
    expect(cut).toMatchObject({ status: 'cancelled', cut: { by: 'caller', t: 3150 } })
    expect(s.responses.find((r) => r.id === 'live_out_2')?.status).toBe('completed')
    expect(s.utterances.map((u) => [u.itemId, u.kind, u.transcript])).toEqual([
      ['live_in_1', 'barge_in', 'Sorry, which one is lighter?']
    ])
  })

  it('replays the same: the recorded Live events rebuild the same state', () => {
    expect(replayCall(inputs).events).toEqual(s.events)
  })
})

describe('GPT-Live adapter: what the page sends and the session reports', () => {
  it("records a supervisor's instruction and the usage in audio seconds", () => {
    const s = run([
      started,
      client(2000, {
        type: 'session.instructions.append',
        delegation_id: null,
        content: 'Be brief.'
      }),
      server(3000, { type: 'session.usage.updated', event_id: 'u1', usage: { seconds: 2 } }),
      server(4000, {
        type: 'session.closed',
        event_id: 'c1',
        reason: 'close_requested',
        session: { id: 'live_123', model: 'gpt-live-1', status: 'active', expires_at: 2e9 },
        usage: { seconds: 3 }
      })
    ])
    expect(s.instructions).toEqual([{ t: 2000, text: 'Be brief.' }])
    expect(s.live).toMatchObject({ audioSeconds: 3, closeReason: 'close_requested' })
    expect(s.connection).toMatchObject({ sessionId: 'live_123', model: 'gpt-live-1' })
  })

  it('prices the session by its own seconds count, not by tokens (90 s at $0.05/min)', () => {
    const closed = (seconds: number): CallInput =>
      server(4000, {
        type: 'session.closed',
        event_id: 'c1',
        reason: 'remote_hangup',
        session: { id: 'live_123', model: 'gpt-live-1', status: 'active', expires_at: 2e9 },
        usage: { seconds }
      })
    expect(sessionMetrics(run([started, closed(90)])).costUsd).toBeCloseTo(0.075, 10)
    // Before the first usage report there is nothing to price, rather than a cost of zero.
    expect(sessionMetrics(run([started])).costUsd).toBeNull()
  })

  it('leaves a Realtime call alone: no adapter state without a Live session', () => {
    expect(run([local(1000, 'clock.tick')]).live).toBeNull()
  })
})
