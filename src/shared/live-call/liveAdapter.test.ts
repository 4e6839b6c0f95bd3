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

  it('marks the cut answer cancelled, cut by the caller where the service heard them start', () => {
    // The ear's silence (3150) lags the service's cut by the downlink and the jitter buffer;
    // the answer's audio start is the service's (its first fragment), so the heard part ends
    // at the caller's start, as on Realtime when no `cleared` comes.
    const cut = s.responses.find((r) => r.id === 'live_out_1')
    expect(cut).toMatchObject({ status: 'cancelled', cut: { by: 'caller', t: 3000 } })
    expect(s.responses.find((r) => r.id === 'live_out_2')?.status).toBe('completed')
    expect(s.utterances.map((u) => [u.itemId, u.kind, u.transcript])).toEqual([
      ['live_in_1', 'barge_in', 'Sorry, which one is lighter?']
    ])
  })

  it('replays the same: the recorded Live events rebuild the same state', () => {
    expect(replayCall(inputs).events).toEqual(s.events)
  })
})

// Barge-ins as a loaded machine delivered them: recorded by the e2e barge-in test (page clock
// moved so session.started is at 1000), in arrival order. The ear's silence is stamped where
// the quiet began but arrives 300 ms later; the page ticks every 250 ms.
const out = (t: number, delta: string, startMs: number, endMs: number): CallInput =>
  server(t, {
    type: 'session.output_transcript.delta',
    event_id: `out_${startMs}`,
    delta,
    start_ms: startMs,
    end_ms: endMs
  })
const heard = (t: number, delta: string, startMs: number, endMs: number): CallInput =>
  server(t, {
    type: 'session.input_transcript.delta',
    event_id: `in_${startMs}`,
    delta,
    start_ms: startMs,
    end_ms: endMs
  })
/** Inputs in the order they arrived, with the ticks that fell between them. */
function arrived(inputs: CallInput[], until: number): CallInput[] {
  const all: CallInput[] = []
  let tick = T0
  let latest = T0
  for (const input of inputs) {
    latest = Math.max(latest, input.t)
    for (; tick < latest; tick += 250) all.push(local(tick, 'clock.tick'))
    all.push(input)
  }
  for (; tick <= until; tick += 250) all.push(local(tick, 'clock.tick'))
  return all
}

/**
 * The long answer of the barge-in test, with two gaps in playback (the ear quiet 470 and 650 ms)
 * before the fragment that continues it arrived; the caller (page VAD at `micT`) cuts it.
 */
function loadedBargeIn(micT: number, quietT: number | null): CallInput[] {
  return arrived(
    [
      started,
      out(14369.6, 'Of course. We', 13861, 14789),
      local(14544.1, 'remote_audio.audible'),
      local(14665.7, 'remote_audio.silent'),
      local(15138, 'remote_audio.audible'),
      out(15385.1, ' carry two tents', 14789, 15716),
      local(15938, 'remote_audio.silent'),
      out(16247.7, ' for two people.', 15716, 16644),
      local(16588, 'remote_audio.audible'),
      ...(quietT === null ? [] : [local(quietT, 'remote_audio.silent')]),
      local(micT, 'mic.speech_started'),
      out(17219.7, ' The Summit Pro', 16644, 17572),
      ...(quietT === null ? [local(18118.9, 'remote_audio.silent')] : []),
      local(19227.9, 'mic.speech_stopped'),
      heard(19469.6, 'Sorry, which one', 16787, 17813),
      heard(19582.4, ' is lighter?', 17813, 18497),
      out(20983.9, 'The Summit Base', 20471, 21476),
      local(21588, 'remote_audio.audible'),
      out(22017.4, ' is lighter, at', 21476, 22482),
      out(23048.1, ' one point six', 22482, 23487),
      out(24176.3, ' kilos.', 23487, 23822),
      local(25047.9, 'remote_audio.silent')
    ].sort((a, b) => arrival(a) - arrival(b)),
    27_000
  )
}
/** When an input reached the adapter: the ear's silence 300 ms after the quiet it stamps. */
const arrival = (input: CallInput): number =>
  input.event.type === 'remote_audio.silent' ? input.t + 300 : input.t

describe('GPT-Live adapter: barge-ins on a loaded machine (recorded)', () => {
  it('takes a gap in playback for a pause, not the end of the answer, and counts the cut', () => {
    // Recorded: the page's VAD heard the caller at 17180 over audible audio, which stopped at
    // 18119. Each gap fell within 700 ms of the end of the fragments the page had then, which
    // once ended the answer there: the cut was not counted.
    const s = run(loadedBargeIn(17180.1, null))
    expect(s.responses.map((r) => [r.id, r.status, r.cut?.by ?? null, r.cut?.t ?? null])).toEqual([
      ['live_out_1', 'cancelled', 'caller', 17180.1],
      ['live_out_2', 'completed', null, null]
    ])
    const confirmed = s.events.find((e) => e.type === 'barge_in.confirmed')
    expect(confirmed).toMatchObject({
      itemId: 'live_in_1',
      transcript: 'Sorry, which one is lighter?',
      interruptions: 1,
      // The rest of the fragment it was cut in, and the one before, struck through on screen.
      heard: { unheardText: 'people. The Summit Pro' }
    })
  })

  it('lights the indicator when the caller starts in a gap, and cuts when the audio stops', () => {
    // Recorded (the escalation test's first interruption): the caller started 775 ms into a
    // gap in playback; the audio came back until the service's cut reached the ear (19456).
    const s = run(
      arrived(
        [
          started,
          out(14996.3, 'Of course. We', 14777, 15700),
          local(15538.8, 'remote_audio.audible'),
          local(15603.9, 'remote_audio.silent'),
          out(16133.2, ' carry two tents', 15700, 16624),
          local(16788.8, 'remote_audio.audible'),
          out(16933.9, ' for two people.', 16624, 17547),
          out(17936.8, ' The Summit Pro', 17547, 18471),
          local(18136.1, 'remote_audio.silent'),
          local(18910.5, 'mic.speech_started'),
          local(18988.8, 'remote_audio.audible'),
          out(19248, ' is a four', 18471, 19394),
          local(19456, 'remote_audio.silent'),
          local(20218.8, 'mic.speech_stopped'),
          heard(20636.9, 'Which one is', 18784, 19564),
          heard(20741.5, ' lighter?', 19564, 19824),
          out(22808.8, 'The Summit Base', 22540, 23380),
          local(23065.5, 'remote_audio.audible')
        ],
        24_000
      )
    )
    expect(s.events.find((e) => e.type === 'barge_in.detected')).toMatchObject({
      t: 18910.5,
      responseId: 'live_out_1'
    })
    expect(s.responses[0]).toMatchObject({ status: 'cancelled', cut: { by: 'caller', t: 18910.5 } })
    expect(s.events.find((e) => e.type === 'barge_in.confirmed')).toMatchObject({
      itemId: 'live_in_1',
      transcript: 'Which one is lighter?',
      interruptions: 1
    })
  })

  it('confirms a cut from the words when the silence came too late for it', () => {
    // Recorded (the escalation test's second interruption, loaded): the ear fell quiet 1.55 s
    // after the caller started, and the fragment due just before the cut never left (the
    // simulator's own timers lagged): the caller's words start 150 ms after the last one ends.
    const s = run(
      arrived(
        [
          started,
          out(21984.7, 'The Summit Base', 21951, 22791),
          local(22123.6, 'remote_audio.audible'),
          local(22322.7, 'remote_audio.silent'),
          out(22826.4, ' is the lighter', 22791, 23631),
          local(23300.1, 'remote_audio.audible'),
          out(23675.4, ' one, at one', 23631, 24472),
          out(24523.8, ' point six kilos,', 24472, 25312),
          out(25370.3, ' which is half', 25312, 26152),
          local(25892.7, 'mic.speech_started'),
          local(27692.5, 'mic.speech_stopped'),
          local(27442.7, 'remote_audio.silent'),
          heard(27845.2, 'How much does', 26301, 27033),
          heard(28029.7, ' it cost?', 27033, 27521),
          out(29559.4, 'The Summit Base', 29529, 30480),
          out(30552.1, ' costs one hundred', 30480, 31431),
          local(30622.7, 'remote_audio.audible')
        ],
        32_000
      )
    )
    expect(s.responses[0]).toMatchObject({ status: 'cancelled', cut: { by: 'caller', t: 25892.7 } })
    expect(s.events.find((e) => e.type === 'barge_in.confirmed')).toMatchObject({
      transcript: 'How much does it cost?',
      interruptions: 1
    })
  })

  it("counts the cut the service made before the page's VAD heard the caller", () => {
    // The service heard the caller first: the ear fell quiet at 17300, mid-answer, and the
    // page's VAD said the caller started only at 17700; the audio never came back. The
    // caller's words (start 16787 on the timeline, inside the last fragment) show the cut.
    const s = run(loadedBargeIn(17700, 17300))
    expect(s.events.find((e) => e.type === 'barge_in.detected')).toMatchObject({
      t: 17700,
      responseId: 'live_out_1'
    })
    expect(s.responses[0]).toMatchObject({ status: 'cancelled', cut: { by: 'caller', t: 17300 } })
    expect(s.events.find((e) => e.type === 'barge_in.confirmed')).toMatchObject({
      interruptions: 1,
      heard: { unheardText: 'people. The Summit Pro' }
    })
  })

  it('counts none when the caller starts after the answer played out', () => {
    // The answer's fragments end at 17300 on the page; the ear fell quiet there, and the
    // caller started 700 ms later: a turn, with no agent audio under it.
    const s = run(loadedBargeIn(18000, 17300).filter((i) => i.t !== 17219.7))
    expect(s.responses[0]).toMatchObject({ status: 'completed', cut: null, audioEndT: 17300 })
    expect(s.events.filter((e) => e.type.startsWith('barge_in'))).toEqual([])
    expect(s.utterances.map((u) => [u.itemId, u.kind])).toEqual([['live_in_1', 'turn']])
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
