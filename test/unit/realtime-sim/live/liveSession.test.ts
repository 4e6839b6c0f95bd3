import { describe, expect, it } from 'vitest'
import { speechAt } from '../support/virtualCall'
import { virtualLive } from './virtualLive'

const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ name: 'TrailBlazer X200', price_usd: 189.99 }] }
})

describe('LiveSession: GPT-Live events on virtual time', { timeout: 30_000 }, () => {
  it('starts with session.started carrying the resolved config and greets', async () => {
    const v = virtualLive()
    v.session.start()
    await v.run(200)
    expect(v.sent[0]).toMatchObject({
      type: 'session.started',
      session: {
        id: 'live_test',
        model: 'gpt-live-1',
        status: 'active',
        audio: { output: { voice: 'marin' } },
        delegation: { type: 'client' }
      }
    })
    const out = v
      .ofType('session.output_transcript.delta')
      .map((e) => e['delta'])
      .join('')
    expect(out).toBe('Hello from OutdoorGear.')
    expect(v.ofType('session.usage.updated')).toHaveLength(1)
    v.expectConformance()
  })

  it('turns a caller turn into timeline transcript deltas, a client delegation and the spoken result', async () => {
    const v = virtualLive()
    v.session.start()
    await v.run(200)
    await v.run(250, speechAt([220, 300]))
    const input = v.ofType('session.input_transcript.delta')
    expect(input.map((e) => e['delta']).join('')).toBe('Do you have waterproof boots?')
    // The deltas cover the caller's speech on the session timeline (frames 220–300 ≈ 2.2–3.0 s).
    expect(input[0]!['start_ms']).toBeGreaterThanOrEqual(2150)
    expect(input[0]!['start_ms']).toBeLessThanOrEqual(2250)
    expect(input.at(-1)!['end_ms']).toBeGreaterThanOrEqual(2950)
    expect(input.at(-1)!['end_ms']).toBeLessThanOrEqual(3050)
    const [delegation] = v.ofType('session.delegation.created')
    expect(delegation).toMatchObject({ delegation: { target: 'client', type: 'delegation' } })
    const id = (delegation!['delegation'] as { id: string }).id
    // The scripted acknowledgement ("Let me check.") is spoken while the client works.
    expect(
      v
        .ofType('session.output_transcript.delta')
        .map((e) => e['delta'])
        .join('')
    ).toContain('Let me check.')
    v.send({
      type: 'session.thinking.append',
      content: 'Searching the catalog.',
      delegation_id: id
    })
    v.send({
      type: 'session.commentary.append',
      content: TOOL_OUTPUT,
      delegation_id: id,
      event_id: 'evt_result'
    })
    expect(v.ofType('session.thinking.appended')).toHaveLength(1)
    expect(v.ofType('session.commentary.appended')[0]).toMatchObject({
      client_event_id: 'evt_result'
    })
    await v.run(400)
    const said = v
      .ofType('session.output_transcript.delta')
      .map((e) => e['delta'])
      .join('')
    expect(said).toContain('The TrailBlazer X200 costs 189.99 dollars.')
    const truth = v.log.list('live_test')
    expect(truth).toContainEqual(
      expect.objectContaining({
        kind: 'delegation',
        state: 'created',
        delegation_id: id,
        expected_tool: 'search_products'
      })
    )
    expect(truth).toContainEqual(
      expect.objectContaining({ kind: 'delegation', state: 'answered', content: TOOL_OUTPUT })
    )
    v.expectConformance()
  })

  it('stops agent audio and its transcript when the caller talks over it (barge-in)', async () => {
    const v = virtualLive()
    v.session.start()
    await v.run(200)
    await v.run(150, speechAt([210, 260]))
    const [delegation] = v.ofType('session.delegation.created')
    const id = (delegation!['delegation'] as { id: string }).id
    v.send({ type: 'session.commentary.append', content: TOOL_OUTPUT, delegation_id: id })
    await v.run(300)
    // Turn 2 (frames 650–700): a 40-word answer (10 s); the caller cuts in while it plays.
    await v.run(200, speechAt([650, 700]))
    const cutAt = v.played.length
    const cutId = v.played[cutAt - 1]
    expect(cutId).toEqual(expect.stringMatching(/^resp_/))
    await v.run(150, speechAt([cutAt, cutAt + 50]))
    // VAD needs a few frames to hear the caller; from then on the cut answer never plays again.
    expect(v.played.slice(cutAt + 10, cutAt + 50).every((p) => p === null)).toBe(true)
    expect(v.played.slice(cutAt + 10).includes(cutId!)).toBe(false)
    const bargeIn = v.log.list('live_test').find((r) => r.kind === 'barge_in')
    expect(bargeIn).toMatchObject({ kind: 'barge_in', played_ms: expect.any(Number) })
    const speech = v.log.list('live_test').filter((r) => r.kind === 'agent_speech')
    expect(speech.some((r) => 'cut' in r && r.cut)).toBe(true)
    const out = v
      .ofType('session.output_transcript.delta')
      .map((e) => e['delta'])
      .join('')
    expect(out).toContain('word0')
    expect(out).not.toContain('word39')
    v.expectConformance()
  })

  it.each([
    [{ type: 'session.update', session: { voice: 'ash' } }, 'unknown_parameter', 'session.voice'],
    [
      { type: 'session.commentary.append', content: 'x' },
      'missing_required_parameter',
      'delegation_id'
    ],
    [{ type: 'session.start', session: { model: 'gpt-live-1' } }, 'invalid_value', 'type'],
    [{ type: 'response.create' }, 'invalid_value', 'type'],
    [{ type: 'session.speak' }, 'invalid_value', 'type'],
    [
      { type: 'session.commentary.append', content: 'x', delegation_id: 'deleg_nope' },
      'invalid_value',
      'delegation_id'
    ]
  ])('refuses a wrong client event with an error event (%j)', (event, code, param) => {
    const v = virtualLive()
    v.session.start()
    v.send({ ...event, event_id: 'evt_bad' })
    const [error] = v.ofType('error')
    expect(error).toMatchObject({
      type: 'error',
      client_event_id: 'evt_bad',
      error: { type: 'invalid_request_error', code, param, client_event_id: 'evt_bad' }
    })
    v.expectConformance()
  })

  it('closes on session.close with the reason and cumulative usage', async () => {
    const v = virtualLive()
    v.session.start()
    await v.run(250)
    v.send({ type: 'session.close', event_id: 'evt_close' })
    const closed = v.sent.at(-1)!
    expect(closed).toMatchObject({
      type: 'session.closed',
      reason: 'close_requested',
      client_event_id: 'evt_close',
      usage: { seconds: 2 },
      session: { id: 'live_test' }
    })
    v.expectConformance()
  })
})
