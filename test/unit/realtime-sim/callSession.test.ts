import { describe, expect, it } from 'vitest'
import { MIN_SPEECH_MS } from '../../../src/shared/realtime/energyVad'
import { FRAME_MS } from '../../../src/main/realtime-sim/audio/agentVoice'
import { SCENARIO_YAML, speechAt, virtualCall } from './support/virtualCall'

const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ name: 'TrailBlazer X200', price_usd: 189.99 }] }
})

/** Opens a call, says turn 1 (frames 10–60) and runs until its audio has drained. */
async function afterFirstTurn(v: ReturnType<typeof virtualCall>) {
  v.call.open()
  await v.run(300, speechAt([10, 60]))
}

describe('CallSession: GA events on virtual time', { timeout: 30_000 }, () => {
  it('opens with session.created and merges session.update into session.updated', async () => {
    const v = virtualCall()
    v.call.open()
    v.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        instructions: 'Be brief.',
        audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 700 } } }
      }
    })
    expect(v.sent.map((e) => e.type)).toEqual(['session.created', 'session.updated'])
    expect(v.sent[1]!['session']).toMatchObject({
      instructions: 'Be brief.',
      audio: {
        input: {
          turn_detection: { type: 'server_vad', threshold: 0.5, silence_duration_ms: 700 }
        },
        output: { voice: 'marin' }
      }
    })
    v.expectConformance()
  })

  it.each([
    [
      { type: 'session.update', session: { instructions: 'x' } },
      'missing_required_parameter',
      'session.type'
    ],
    [
      { type: 'session.update', session: { type: 'realtime', modalities: ['audio'] } },
      'unknown_parameter',
      'session.modalities'
    ],
    [{ type: 'response.audio.create' }, 'invalid_value', 'type'],
    [
      { type: 'response.create', event_id: 'evt_1', response: { modalities: ['text'] } },
      'unknown_parameter',
      'response.modalities'
    ]
  ])('answers a wrong client event with an error event (%j)', (event, code, param) => {
    const v = virtualCall()
    v.send(event)
    expect(v.sent).toHaveLength(1)
    expect(v.sent[0]).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', code, param }
    })
    if ('event_id' in event) expect(v.sent[0]!['error']).toMatchObject({ event_id: 'evt_1' })
    v.expectConformance()
  })

  it('turns caller speech into a committed turn, a response with audio and a function call', async () => {
    const v = virtualCall({
      session: {
        type: 'realtime',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } }
      }
    })
    await afterFirstTurn(v)
    const order = [
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      'response.created',
      'response.output_item.added',
      'output_audio_buffer.started',
      'response.output_audio_transcript.delta',
      'response.output_audio_transcript.done',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.done',
      'rate_limits.updated',
      'output_audio_buffer.stopped'
    ]
    const at = order.reduce<number[]>((acc, type) => [...acc, v.find(type, acc.at(-1) ?? -1)], [])
    expect(
      at.every((i) => i >= 0),
      `${order[at.indexOf(-1)]} missing or out of order`
    ).toBe(true)

    const started = v.ofType('input_audio_buffer.speech_started')[0]!
    // Onset at 100 ms minus 300 ms of prefix padding, clamped at the session start.
    expect(started['audio_start_ms']).toBe(0)
    const stopped = v.ofType('input_audio_buffer.speech_stopped')[0]!
    expect(stopped['audio_end_ms']).toBe(600 + 500)
    expect(stopped['item_id']).toBe(started['item_id'])
    expect(v.ofType('conversation.item.input_audio_transcription.completed')[0]).toMatchObject({
      item_id: started['item_id'],
      transcript: 'Do you have waterproof boots?',
      usage: { type: 'tokens' }
    })
    expect(v.ofType('response.function_call_arguments.done')[0]).toMatchObject({
      name: 'search_products',
      arguments: JSON.stringify({ query: 'waterproof boots', max_price: 200 })
    })
    const done = v.ofType('response.done')[0]!['response'] as Record<string, unknown>
    expect(done).toMatchObject({ status: 'completed', status_details: null })
    expect((done['output'] as { type: string }[]).map((o) => o.type)).toEqual([
      'message',
      'function_call'
    ])
    expect(done['usage']).toMatchObject({ total_tokens: expect.any(Number) })
    v.expectConformance()
  })

  it('accepts a function_call_output and answers response.create from it (template or fallback)', async () => {
    for (const [output, expected] of [
      [TOOL_OUTPUT, 'The TrailBlazer X200 costs 189.99 dollars.'],
      [JSON.stringify({ ok: false, error: { code: 'not_found' } }), 'Sorry, I found nothing.']
    ] as const) {
      const v = virtualCall()
      await afterFirstTurn(v)
      const call = v.ofType('response.function_call_arguments.done')[0]!
      v.send({
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: call['call_id'], output }
      })
      const added = v.ofType('conversation.item.added').at(-1)!
      expect(added['item']).toMatchObject({
        type: 'function_call_output',
        call_id: call['call_id'],
        status: 'completed'
      })
      v.send({ type: 'response.create' })
      await v.run(300)
      expect(v.ofType('response.output_audio_transcript.done').at(-1)!['transcript']).toBe(expected)
      expect(v.ofType('response.done').at(-1)!['response']).toMatchObject({ status: 'completed' })
      v.expectConformance()
    }
  })

  it('refuses a second response.create while one is active (conversation_already_has_active_response)', async () => {
    const v = virtualCall()
    v.call.open()
    v.send({ type: 'response.create' })
    v.send({ type: 'response.create', event_id: 'evt_again' })
    const active = v.ofType('response.created')[0]!['response'] as { id: string }
    expect(v.ofType('error')[0]!['error']).toMatchObject({
      type: 'invalid_request_error',
      code: 'conversation_already_has_active_response',
      event_id: 'evt_again'
    })
    expect((v.ofType('error')[0]!['error'] as { message: string }).message).toContain(active.id)
    await v.run(200)
    expect(v.ofType('output_audio_buffer.stopped')).toHaveLength(1)
    v.expectConformance()
  })

  it('cancels on response.cancel (client_cancelled) and refuses a cancel with nothing active', async () => {
    const v = virtualCall()
    v.send({ type: 'response.cancel', event_id: 'evt_idle' })
    expect(v.ofType('error')[0]!['error']).toMatchObject({
      code: 'response_cancel_not_active',
      event_id: 'evt_idle'
    })
    v.send({ type: 'response.create' })
    v.send({ type: 'response.cancel' })
    expect(v.ofType('response.done')[0]!['response']).toMatchObject({
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'client_cancelled' }
    })
    await v.run(100)
    expect(v.ofType('output_audio_buffer.started')).toHaveLength(0)
    v.expectConformance()
  })

  it('stops the agent within one audio frame when the caller barges in', async () => {
    const v = virtualCall()
    v.call.open()
    await v.run(200, speechAt([10, 60])) // turn 1: answer + function call
    // Turn 2 asks for the long answer; the caller talks over it from frame 400.
    await v.run(400, speechAt([10, 60], [250, 300], [400, 460]))
    const answerStarted = v.ofType('output_audio_buffer.started')[1]!
    const interrupted = answerStarted['response_id']
    const bargeIn = v.find('input_audio_buffer.speech_started', v.sent.indexOf(answerStarted))
    expect(bargeIn).toBeGreaterThan(0)
    const cleared = v.find('output_audio_buffer.cleared', bargeIn)
    const done = v.find('response.done', bargeIn)
    expect(cleared).toBe(bargeIn + 1)
    expect(v.sent[cleared]!['response_id']).toBe(interrupted)
    expect(v.sent[done]!['response']).toMatchObject({
      id: interrupted,
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'turn_detected' },
      output: [{ type: 'message', status: 'incomplete', content: [{ transcript: null }] }]
    })
    // Counted in frames: detection needs MIN_SPEECH_MS of speech, then no frame of the
    // interrupted answer is pulled after the frame in which the caller was detected.
    const detectedFrame = 400 + MIN_SPEECH_MS / FRAME_MS - 1
    expect(v.played[detectedFrame - 1]).toBe(interrupted)
    const framesAfter = v.played.slice(detectedFrame + 1).filter((id) => id === interrupted).length
    expect(framesAfter).toBeLessThanOrEqual(1)
    expect(framesAfter).toBe(0)
    const truth = v.log.list().find((e) => e.kind === 'barge_in')
    expect(truth).toMatchObject({ response_id: interrupted, caller_audio_ms: 4000 })
    if (truth?.kind === 'barge_in') expect(truth.played_ms).toBeLessThan(truth.total_ms)
    v.expectConformance()
  })

  it('lets the agent finish when interrupt_response is false', async () => {
    const v = virtualCall({
      session: {
        type: 'realtime',
        audio: { input: { turn_detection: { type: 'server_vad', interrupt_response: false } } }
      }
    })
    v.call.open()
    await v.run(800, speechAt([10, 60], [250, 300], [400, 460]))
    expect(v.ofType('output_audio_buffer.cleared')).toHaveLength(0)
    expect(
      v
        .ofType('response.done')
        .every((e) => (e['response'] as { status: string }).status === 'completed')
    ).toBe(true)
  })

  it('clears the output buffer on output_audio_buffer.clear', async () => {
    const v = virtualCall()
    v.call.open()
    v.send({ type: 'response.create' })
    await v.run(15)
    const playing = v.ofType('output_audio_buffer.started')[0]!['response_id']
    v.send({ type: 'output_audio_buffer.clear' })
    expect(v.sent.at(-1)).toMatchObject({
      type: 'output_audio_buffer.cleared',
      response_id: playing
    })
    await v.run(5)
    expect(v.played.slice(-5)).toEqual([null, null, null, null, null])
  })

  it('commits by hand without VAD and refuses an empty buffer', async () => {
    const v = virtualCall({
      session: { type: 'realtime', audio: { input: { turn_detection: null } } }
    })
    v.send({ type: 'input_audio_buffer.commit' })
    expect(v.ofType('error')[0]!['error']).toMatchObject({
      code: 'input_audio_buffer_commit_empty'
    })
    await v.run(50, speechAt([0, 50]))
    expect(v.ofType('input_audio_buffer.speech_started')).toHaveLength(0)
    v.send({ type: 'input_audio_buffer.commit' })
    expect(v.ofType('input_audio_buffer.committed')).toHaveLength(1)
    v.send({ type: 'response.create' })
    await v.run(200)
    expect(v.ofType('response.function_call_arguments.done')[0]).toMatchObject({
      name: 'search_products'
    })
  })

  it('refuses a voice change once the agent has spoken', async () => {
    const v = virtualCall()
    v.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { output: { voice: 'cedar' } } }
    })
    expect(v.sent.at(-1)).toMatchObject({ type: 'session.updated' })
    v.send({ type: 'response.create' })
    await v.run(100)
    v.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { output: { voice: 'marin' } } }
    })
    expect(v.sent.at(-1)).toMatchObject({ type: 'error', error: { code: 'cannot_update_voice' } })
  })
})

describe('CallSession: faults', () => {
  it('sends a scripted error event and fails the response', async () => {
    const v = virtualCall({
      scenarioYaml: `${SCENARIO_YAML}
faults:
  - type: error_event
    at_turn: 1
    fail_response: true
    error: { type: server_error, code: overloaded, message: The model is overloaded. }
`
    })
    await afterFirstTurn(v)
    expect(v.ofType('error')[0]!['error']).toMatchObject({
      type: 'server_error',
      code: 'overloaded'
    })
    expect(v.ofType('response.done')[0]!['response']).toMatchObject({
      status: 'failed',
      status_details: { type: 'failed', error: { type: 'server_error', code: 'overloaded' } }
    })
    expect(v.ofType('output_audio_buffer.started')).toHaveLength(0)
    v.expectConformance()
  })

  it('drops the data channel at the scripted turn; nothing more is sent', async () => {
    const v = virtualCall({
      scenarioYaml: `${SCENARIO_YAML}\nfaults: [{ type: drop_data_channel, at_turn: 1 }]\n`
    })
    await afterFirstTurn(v)
    expect(v.transport.isOpen).toBe(false)
    expect(v.sent.at(-1)!.type).toBe('conversation.item.done')
    expect(v.log.list().some((e) => e.kind === 'fault' && e.fault === 'drop_data_channel')).toBe(
      true
    )
  })
})
