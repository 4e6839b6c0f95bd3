import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import {
  signWebhook,
  webhookSigningKey
} from '../../../src/main/realtime-sim/webhooks/webhookSecret'
import type { GatewayHealth } from '../../../src/shared/gateway/gatewayHealth'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useGateways } from './support/gatewayRig'
import { callerWav, entries, usePhoneGateway, WEBHOOK_SECRET } from './support/phoneCallRig'

const healthz = async (url: string): Promise<GatewayHealth> =>
  (await (await fetch(`${url}/healthz`)).json()) as GatewayHealth

const ringing = (callId: string) =>
  JSON.stringify({
    object: 'event',
    id: `evt_${randomBytes(8).toString('hex')}`,
    type: 'realtime.call.incoming',
    created_at: Math.floor(Date.now() / 1000),
    data: { call_id: callId, sip_headers: [] }
  })

/** Posts a webhook as the platform does, signed with `secret` at `timestamp` (Unix seconds). */
async function deliver(
  gatewayUrl: string,
  body: string,
  options: { webhookId?: string; secret?: string; timestamp?: number } = {}
): Promise<number> {
  const webhookId = options.webhookId ?? `wh_${randomBytes(16).toString('hex')}`
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const key = webhookSigningKey(options.secret ?? WEBHOOK_SECRET)
  const res = await fetch(`${gatewayUrl}/webhooks/openai`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': webhookId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signWebhook(key, webhookId, timestamp, body)
    },
    body
  })
  return res.status
}

const count = async (admin: pg.Client, table: string): Promise<number> =>
  (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n

describe.skipIf(skipWithoutPostgres)('call gateway webhooks', { timeout: 90_000 }, () => {
  const pg15 = usePostgres()
  const rig = usePhoneGateway(pg15)
  const gateways = useGateways(pg15)

  it('refuses a bad signature with 400 and a log line, and records nothing', async () => {
    // The platform signs with a secret the gateway does not have: every attempt is refused.
    const otherSecret = `whsec_${randomBytes(32).toString('base64')}`
    const { sim, gateway, admin, lines } = await rig.start({ webhookSecret: otherSecret })
    const placed = sim.placePhoneCall({
      from: '+14155550123',
      to: '+18005550100',
      wav: callerWav(500),
      ringTimeoutMs: 3_000
    })
    expect(await placed.webhookDelivered).toBe(false)
    expect(await placed.ended).toEqual({ endedBy: 'caller', reason: 'no answer' })
    expect(entries(sim, placed.callId, 'webhook').map((w) => w.status)).toEqual([400, 400, 400])
    expect(entries(sim, placed.callId, 'sip').map((s) => s.state)).toEqual(['incoming', 'ended'])
    expect(lines.filter((l) => l.startsWith('webhook refused (400)'))).toHaveLength(3)
    expect(lines[lines.length - 1]).toContain(
      `webhook-id ${placed.webhookId}: The given webhook signature does not match the expected signature`
    )
    for (const line of lines) expect(line).not.toContain(otherSecret.slice(6))
    expect(await count(admin, 'webhook_deliveries')).toBe(0)
    expect(await count(admin, 'calls')).toBe(0)
    expect((await healthz(gateway.url)).webhooks).toEqual({ refused: 3, replayed: 0 })
  })

  it('refuses a stale or unsigned delivery, signed with the right secret or not', async () => {
    const { gateway, services, lines } = await gateways.start(undefined, {
      webhookSecret: WEBHOOK_SECRET
    })
    const body = ringing('rtc_0123456789abcdef0123')
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600
    expect(await deliver(gateway.url, body, { timestamp: tenMinutesAgo })).toBe(400)
    const unsigned = await fetch(`${gateway.url}/webhooks/openai`, { method: 'POST', body })
    expect(unsigned.status).toBe(400)
    expect(lines.filter((l) => l.startsWith('webhook refused (400)'))).toEqual([
      expect.stringContaining('Webhook timestamp is too old'),
      expect.stringContaining('webhook-id (none)')
    ])
    expect((await gateway.health()).webhooks.refused).toBe(2)
    expect(await services.database.calls.active()).toEqual([])
  })

  it('acts on a replayed webhook-id once, here and at another instance on the same database', async () => {
    const { sim, gateway, services, admin, teamUrl } = await rig.start()
    const placed = sim.placePhoneCall({
      from: '+14155550123',
      to: '+18005550100',
      wav: callerWav(1_000),
      trailingSilenceMs: 500
    })
    expect(await placed.webhookDelivered).toBe(true)
    const replay = ringing(placed.callId)
    expect(await deliver(gateway.url, replay, { webhookId: placed.webhookId })).toBe(200)
    const other = await gateways.start(teamUrl.replace(/\?.*$/, ''), {
      instance: 'gw-other',
      realtimeBaseUrl: sim.url,
      webhookSecret: WEBHOOK_SECRET
    })
    expect(await deliver(other.gateway.url, replay, { webhookId: placed.webhookId })).toBe(200)
    await placed.ended
    await expect
      .poll(async () => (await healthz(gateway.url)).calls.inProgress, { timeout: 20_000 })
      .toBe(0)
    await services.recorder.settled()
    expect(entries(sim, placed.callId, 'sip').map((s) => s.state)).toEqual([
      'incoming',
      'accepted',
      'ended'
    ])
    expect((await healthz(gateway.url)).webhooks).toEqual({ refused: 0, replayed: 1 })
    expect((await other.gateway.health()).webhooks).toEqual({ refused: 0, replayed: 1 })
    expect(
      (await admin.query('SELECT webhook_id, call_id, instance FROM webhook_deliveries')).rows
    ).toEqual([{ webhook_id: placed.webhookId, call_id: placed.callId, instance: 'gw-phone' }])
    expect(await count(admin, 'calls')).toBe(1)
  })

  it('rejects a call over capacity (486 Busy Here, counted) and carries the one in progress', async () => {
    const { sim, gateway, admin } = await rig.start({ maxCalls: 1 })
    const first = sim.placePhoneCall({
      from: '+14155550123',
      to: '+18005550100',
      wav: callerWav(4_000),
      trailingSilenceMs: 500
    })
    expect(await first.webhookDelivered).toBe(true)
    expect((await healthz(gateway.url)).calls).toEqual({
      inProgress: 1,
      max: 1,
      rejectedOverCapacity: 0
    })
    const second = sim.placePhoneCall({
      from: '+14155550124',
      to: '+18005550100',
      wav: callerWav(500)
    })
    expect(await second.webhookDelivered).toBe(true)
    expect(await second.ended).toEqual({ endedBy: 'server', reason: 'rejected with 486' })
    expect(entries(sim, second.callId, 'sip').map((s) => s.state)).toEqual([
      'incoming',
      'rejected',
      'ended'
    ])
    expect(entries(sim, second.callId, 'sip')[1]).toMatchObject({ status_code: 486 })
    expect((await healthz(gateway.url)).calls.rejectedOverCapacity).toBe(1)
    await first.ended
    await expect
      .poll(async () => (await healthz(gateway.url)).calls.inProgress, { timeout: 20_000 })
      .toBe(0)
    await expect
      .poll(async () => (await admin.query(`SELECT call_id, status FROM calls`)).rows, {
        timeout: 20_000
      })
      .toEqual([{ call_id: first.callId, status: 'finished' }])
  })
})
