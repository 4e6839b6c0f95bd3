import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { GatewayHealth } from '../../../src/shared/gateway/gatewayHealth'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { API_KEY, callerWav, entries, usePhoneGateway } from './support/phoneCallRig'

const healthz = async (url: string): Promise<GatewayHealth> =>
  (await (await fetch(`${url}/healthz`)).json()) as GatewayHealth

// The fault: the team database unreachable in the middle of a phone call. The call is
// still answered (the sideband and the catalog need no database), its events wait in the
// gateway's outbox, and once the database is back they are delivered, once each, in order.
describe.skipIf(skipWithoutPostgres)(
  'a phone call through the gateway while the team database is away',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const rig = usePhoneGateway(pg15)

    it('is answered throughout, and recorded whole once the database is back', async () => {
      const { sim, gateway, admin, teamUrl } = await rig.start()
      // The rig's admin connection dies with the server; the test reads with a new one after.
      admin.on('error', () => undefined)
      const placed = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: '+14155550123',
          to: '+18005550100',
          wav_base64: Buffer.from(callerWav(2_500, [2, 7_000], [2, 3_500])).toString('base64'),
          trailing_silence_ms: 1_000
        })
      })
      const { call_id: callId } = (await placed.json()) as { call_id: string }
      // Recorded from its first events; then the server goes away.
      await expect
        .poll(async () => (await admin.query(`SELECT count(*)::int AS n FROM calls`)).rows[0].n, {
          timeout: 20_000
        })
        .toBe(1)
      pg15.stop()
      let restarted = false
      try {
        // The call goes on: the gateway answers search_products from its catalog.
        await expect
          .poll(() => entries(sim, callId, 'tool_call').some((t) => t.output !== undefined), {
            timeout: 30_000
          })
          .toBe(true)
        await expect
          .poll(async () => (await healthz(gateway.url)).teamDatabase, { timeout: 10_000 })
          .toMatchObject({ reachable: false })
        expect((await healthz(gateway.url)).teamDatabase.outboxWaiting).toBeGreaterThan(0)
        await expect
          .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 40_000 })
          .toBe('ended')
        await pg15.restart()
        restarted = true
      } finally {
        if (!restarted) await pg15.restart()
      }

      const after = new pg.Client({
        connectionString: teamUrl.replace('?sslmode=disable', '')
      })
      await after.connect()
      try {
        await expect
          .poll(
            async () => (await after.query(`SELECT status FROM calls`)).rows[0]?.status as string,
            { timeout: 40_000 }
          )
          .toBe('finished')
        await expect
          .poll(async () => (await healthz(gateway.url)).teamDatabase.outboxWaiting, {
            timeout: 20_000
          })
          .toBe(0)
        // Every server event the sideband saw, recorded once and in order.
        const truth = sim.groundTruth.list(callId)
        const from = truth.findIndex((e) => e.kind === 'sideband' && e.state === 'attached')
        const to = truth.findIndex((e) => e.kind === 'sideband' && e.state === 'detached')
        const sent = truth
          .slice(from, to)
          .filter((e) => e.kind === 'event' && e.direction === 'sent')
          .map((e) => (e as { event: { event_id: string } }).event.event_id)
        const recorded = await after.query(
          `SELECT payload::json->>'event_id' AS id FROM events
           WHERE direction = 'server' ORDER BY seq`
        )
        expect(sent.length).toBeGreaterThan(30)
        expect(recorded.rows.map((r: { id: string }) => r.id)).toEqual(sent)
        // The caller's human request still raised its alert, stored once the database was back.
        const alerts = await after.query(`SELECT rule FROM alerts`)
        expect(alerts.rows.map((r: { rule: string }) => r.rule)).toContain('human_request')
      } finally {
        await after.end()
      }
    })
  }
)
