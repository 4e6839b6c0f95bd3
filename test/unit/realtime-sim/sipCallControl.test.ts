import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import type { Simulator } from '../../../src/main/realtime-sim/startSimulator'
import { humWav, placeCall, untilEnded, usePhoneRig } from './support/phoneRig'

const SESSION = { type: 'realtime' as const, model: 'gpt-realtime' }

/** Rings a phone (in process) whose webhook the receiver just acknowledges. */
async function ring(sim: Simulator, words = 2, trailingSilenceMs = 10_000) {
  const placed = sim.placePhoneCall({
    from: '+14155550199',
    to: '+18005550100',
    wav: humWav([words, 200]),
    trailingSilenceMs
  })
  expect(await placed.webhookDelivered).toBe(true)
  return placed
}

const sipStates = (sim: Simulator, callId: string) =>
  sim.groundTruth
    .list(callId)
    .filter((e) => e.kind === 'sip')
    .map((e) => e.state)

async function apiError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(OpenAI.APIError)
  const { status, error: body } = error as InstanceType<typeof OpenAI.APIError>
  return { status, ...(body as { code: string | null; message: string; param: string | null }) }
}

// Real servers, real time; generous timeouts for a busy 2-vCPU VM.
describe('phone call control with the openai SDK', { timeout: 30_000 }, () => {
  const rig = usePhoneRig()

  it('rejects a ringing call with 603 by default, or the status code given', async () => {
    const { sim, client } = await rig.start(() => 200)
    const first = await ring(sim)
    await client.realtime.calls.reject(first.callId)
    expect(await first.ended).toEqual({ endedBy: 'server', reason: 'rejected with 603' })
    const busy = await ring(sim)
    await client.realtime.calls.reject(busy.callId, { status_code: 486 })
    expect(sim.groundTruth.list(busy.callId)).toContainEqual(
      expect.objectContaining({ kind: 'sip', state: 'rejected', status_code: 486 })
    )
    expect(sipStates(sim, busy.callId)).toEqual(['incoming', 'rejected', 'ended'])
    // The call is gone: accepting it now is an unknown call.
    expect(await apiError(client.realtime.calls.accept(busy.callId, SESSION))).toMatchObject({
      status: 404,
      code: 'call_id_not_found'
    })
  })

  it('transfers an accepted call with refer: the AI leg ends and the target is recorded', async () => {
    const { sim, client } = await rig.start(() => 200)
    const placed = await ring(sim)
    await client.realtime.calls.accept(placed.callId, SESSION)
    expect(sim.hub.callIds).toContain(placed.callId)
    await client.realtime.calls.refer(placed.callId, { target_uri: 'tel:+14155550123' })
    expect(await placed.ended).toEqual({
      endedBy: 'server',
      reason: 'transferred to tel:+14155550123'
    })
    expect(sim.groundTruth.list(placed.callId)).toContainEqual(
      expect.objectContaining({ kind: 'sip', state: 'referred', target_uri: 'tel:+14155550123' })
    )
    expect(sipStates(sim, placed.callId)).toEqual(['incoming', 'accepted', 'referred', 'ended'])
    expect(sim.hub.callIds).not.toContain(placed.callId)
  })

  it('hangs up an accepted phone call through the shared /hangup', async () => {
    const { sim, client } = await rig.start(() => 200)
    const placed = await ring(sim)
    await client.realtime.calls.accept(placed.callId, SESSION)
    await client.realtime.calls.hangup(placed.callId)
    expect(await placed.ended).toEqual({ endedBy: 'server', reason: 'hangup' })
    expect(await apiError(client.realtime.calls.hangup(placed.callId))).toMatchObject({
      status: 404
    })
  })

  it('refuses what the call state does not allow, bad bodies and unknown calls as the API does', async () => {
    const { sim, client } = await rig.start(() => 200)
    const placed = await ring(sim)
    expect(
      await apiError(client.realtime.calls.refer(placed.callId, { target_uri: 'tel:+1415' }))
    ).toMatchObject({ status: 400, code: 'invalid_call_state' })
    expect(
      await apiError(
        client.realtime.calls.accept(placed.callId, {
          ...SESSION,
          modalities: ['audio']
        } as unknown as typeof SESSION)
      )
    ).toMatchObject({ status: 400, code: 'unknown_parameter', param: 'modalities' })
    expect(
      await apiError(client.realtime.calls.reject(placed.callId, { status_code: 200 }))
    ).toMatchObject({
      status: 400,
      code: 'integer_below_min_value',
      param: 'status_code'
    })
    await client.realtime.calls.accept(placed.callId, SESSION)
    expect(await apiError(client.realtime.calls.accept(placed.callId, SESSION))).toMatchObject({
      status: 400,
      code: 'invalid_call_state',
      message: `Call '${placed.callId}' has already been accepted.`
    })
    expect(await apiError(client.realtime.calls.reject(placed.callId))).toMatchObject({
      status: 400,
      code: 'invalid_call_state'
    })
    expect(
      await apiError(client.realtime.calls.refer(placed.callId, { target_uri: 'mailto:x@y.z' }))
    ).toMatchObject({ status: 400, code: 'invalid_value', param: 'target_uri' })
    expect(
      await apiError(client.realtime.calls.accept('rtc_0123456789abcdef0123', SESSION))
    ).toMatchObject({ status: 404, code: 'call_id_not_found' })
    const wrongKey = new OpenAI({
      apiKey: 'sk-wrong-key-0123',
      baseURL: client.baseURL,
      maxRetries: 0
    })
    expect(await apiError(wrongKey.realtime.calls.accept(placed.callId, SESSION))).toMatchObject({
      status: 401,
      code: 'invalid_api_key'
    })
    expect(sipStates(sim, placed.callId)).toEqual(['incoming', 'accepted'])
  })

  it('ends the call when the caller hangs up in the middle of an answer', async () => {
    const { sim, client } = await rig.start(() => 200)
    // Turn 1 gets its short answer in full; turn 2's 30-word answer starts playing ~600 ms
    // after the hum ends (500 ms of silence, 100 ms delay); the caller hangs up at 1 200 ms.
    const placed = sim.placePhoneCall({
      from: '+14155550199',
      to: '+18005550100',
      wav: humWav([1, 2_000], [1, 1_200]),
      trailingSilenceMs: 0
    })
    await placed.webhookDelivered
    await client.realtime.calls.accept(placed.callId, SESSION)
    const end = await untilEnded(sim, placed.callId)
    expect(end).toMatchObject({ ended_by: 'caller', reason: 'caller hung up' })
    const sent = sim.groundTruth
      .list(placed.callId)
      .flatMap((e) =>
        e.kind === 'event' && e.direction === 'sent' ? [e.event as { type: string }] : []
      )
    // Both answers started playing; only the first was heard to the end.
    const types = sent.map((e) => e.type)
    expect(types.filter((t) => t === 'output_audio_buffer.started')).toHaveLength(2)
    expect(types.filter((t) => t === 'output_audio_buffer.stopped')).toHaveLength(1)
    expect(end.agent_audio_ms).toBeGreaterThan(750)
    expect(end.agent_audio_ms).toBeLessThan(750 + 2_000)
  })

  it("speaks the scenario's caller lines when no WAV is given, one VAD turn each", async () => {
    const { sim, client } = await rig.start(() => 200)
    const placed = await placeCall(sim, {
      from: '+14155550199',
      to: '+18005550100',
      caller_says: 'scenario',
      pause_ms: 1_500,
      trailing_silence_ms: 0
    })
    expect(placed.status).toBe(201)
    const callId = placed.json['call_id'] as string
    await expect
      .poll(() => sim.groundTruth.list(callId).some((e) => e.kind === 'webhook'))
      .toBe(true)
    await client.realtime.calls.accept(callId, SESSION)
    const end = await untilEnded(sim, callId)
    const truth = sim.groundTruth.list(callId)
    expect(truth.filter((e) => e.kind === 'vad').map((e) => e.type)).toEqual([
      'speech_started',
      'speech_stopped',
      'speech_started',
      'speech_stopped'
    ])
    // The second answer (30 words) was still playing when the caller hung up; nothing after.
    expect(end).toMatchObject({ ended_by: 'caller' })
    const endIndex = truth.findIndex((e) => e.kind === 'sip' && e.state === 'ended')
    expect(truth.slice(endIndex).map((e) => e.kind)).toEqual(['sip', 'call'])
  })

  it('lets an unanswered phone ring out: the caller gives up', async () => {
    const { sim } = await rig.start(() => 200)
    const placed = sim.placePhoneCall({
      from: '+14155550199',
      to: '+18005550100',
      wav: humWav([1, 100]),
      ringTimeoutMs: 200
    })
    expect(await placed.ended).toEqual({ endedBy: 'caller', reason: 'no answer' })
  })
})
