import type { LiveTransportIncomingWebhookEvent } from 'openai/resources/webhooks'
import type { SidebandServerEvent } from 'openai/resources/live/sideband'
import { SidebandWS } from 'openai/resources/live/sideband/ws'
import { describe, expect, it } from 'vitest'
import type { Delivery } from '../support/phoneRig'
import { humWav, placeCall, untilEnded, usePhoneRig, WEBHOOK_SECRET } from '../support/phoneRig'
import { liveEventProblem } from './liveEventShapes'

// Issue #20: a GPT-Live phone call driven by the `openai` SDK: the signed
// `live.transport.incoming` webhook verified by `webhooks.unwrap`, then
// `client.live.sessions.accept / refer / reject / hangup`, a sideband watching the call.

const FROM = '+14155550123'
const TO = '+18005550100'

/** Resolves with each verified webhook as it arrives. */
function webhookInbox() {
  const deliveries: Delivery[] = []
  let wake: (() => void) | null = null
  return {
    answer: (delivery: Delivery): number => {
      deliveries.push(delivery)
      wake?.()
      return 200
    },
    next: async (): Promise<Delivery> => {
      while (deliveries.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      return deliveries.shift()!
    }
  }
}

describe('openai SDK: GPT-Live SIP calls against the simulator', { timeout: 60_000 }, () => {
  const rig = usePhoneRig()

  it('accepts a live call, hears it on a sideband, then transfers it (refer)', async () => {
    const inbox = webhookInbox()
    const { sim, client } = await rig.start(inbox.answer)
    const wav = Buffer.from(humWav([3, 2500], [0, 3000])).toString('base64')
    const placed = await placeCall(sim, { from: FROM, to: TO, wav_base64: wav, api: 'live' })
    expect(placed.status).toBe(201)
    const delivery = await inbox.next()
    const event = await client.webhooks.unwrap(delivery.body, delivery.headers, WEBHOOK_SECRET)
    expect(event.type).toBe('live.transport.incoming')
    const { data } = event as LiveTransportIncomingWebhookEvent
    expect(data).toMatchObject({ type: 'sip', session_id: placed.json['call_id'] })
    expect(data.sip_headers.map((h) => h.name)).toContain('Call-ID')
    await client.live.sessions.accept(data.session_id, {
      session: { type: 'live', model: 'gpt-live-1', instructions: 'Answer briefly.' }
    })
    const sideband = new SidebandWS(client, { session_id: data.session_id })
    const events: SidebandServerEvent[] = []
    sideband.on('event', (e) => events.push(e))
    await expect
      .poll(() => events.filter((e) => e.type === 'session.output_transcript.delta').length, {
        timeout: 15_000
      })
      .toBeGreaterThan(0)
    expect(events.some((e) => e.type === 'session.input_transcript.delta')).toBe(true)
    expect(events.some((e) => e.type === 'session.input_audio.append')).toBe(true)
    await client.live.sessions.refer(data.session_id, { target_uri: 'tel:+14155550199' })
    const ended = await untilEnded(sim, data.session_id)
    expect(ended).toMatchObject({ ended_by: 'server' })
    expect(sim.groundTruth.list(data.session_id)).toContainEqual(
      expect.objectContaining({ kind: 'sip', state: 'referred', target_uri: 'tel:+14155550199' })
    )
    await expect.poll(() => events.some((e) => e.type === 'session.closed')).toBe(true)
    const closed = events.find((e) => e.type === 'session.closed')
    expect(closed).toMatchObject({ reason: 'close_requested' })
    for (const e of events) expect(liveEventProblem(e as never), e.type).toBeNull()
    sideband.close()
  })

  it('rejects one call, hangs up another, and refuses a bad status or an unknown session', async () => {
    const inbox = webhookInbox()
    const { sim, client } = await rig.start(inbox.answer)
    const wav = Buffer.from(humWav([2, 4000])).toString('base64')
    const first = await placeCall(sim, { from: FROM, to: TO, wav_base64: wav, api: 'live' })
    await inbox.next()
    const id = first.json['call_id'] as string
    await expect(client.live.sessions.reject(id, { status_code: 200 })).rejects.toMatchObject({
      status: 400,
      param: 'status_code'
    })
    await client.live.sessions.reject(id, { status_code: 486 })
    expect(await untilEnded(sim, id)).toMatchObject({
      ended_by: 'server',
      reason: 'rejected with 486'
    })
    const second = await placeCall(sim, { from: FROM, to: TO, wav_base64: wav, api: 'live' })
    await inbox.next()
    const other = second.json['call_id'] as string
    await client.live.sessions.accept(other, { session: { type: 'live', model: 'gpt-live-1' } })
    await client.live.sessions.hangup(other)
    expect(await untilEnded(sim, other)).toMatchObject({ ended_by: 'server', reason: 'hangup' })
    await expect(client.live.sessions.hangup('live_unknown')).rejects.toMatchObject({ status: 404 })
  })
})
