import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GatewayEngineSetting } from '../../../src/shared/gateway/teamGatewayEngine'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { data } from '../recording/support'
import { eventually, useTeamDesks, type Desk } from '../team/support/teamDesks'
import { callerWav, usePhoneGateway } from './support/phoneCallRig'

// Issue #20 point 4: the engine of the gateways' calls chosen in the team settings. An instance
// started on Realtime (no settings.json) answers its next phone call on GPT-Live once a
// supervisor sets the team's engine, without a restart; the call it carried on Realtime goes on
// there; an agent's seat, and an agent's login claiming a supervisor's role, are refused.

const SUPERVISOR_ONLY = "Only a supervisor can change the gateways' voice engine"
const OWN_ENGINE = /^Voice engine for new calls: realtime \(this instance's settings\.json/

const setting = async (desk: Desk): Promise<GatewayEngineSetting> =>
  data<GatewayEngineSetting>(await desk.call('gateway.engine.get', {}))

/** The team channel is listening (NOTIFY keeps nothing for a desk that is not yet). */
const listening = (desk: Desk): Promise<true> =>
  eventually(async () =>
    data<{ channel: string } | null>(await desk.call('team.board', {}))?.channel === 'connected'
      ? true
      : undefined
  )

describe.skipIf(skipWithoutPostgres)(
  "the team's voice engine for its gateways' calls",
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const rig = usePhoneGateway(pg15)
    const desk = useTeamDesks()

    it('switches a running instance from Realtime to GPT-Live for its next call; refused to an agent', async () => {
      const { sim, admin, teamUrl, lines, gateway } = await rig.start()
      // The logins of resources/team/roles.sql (the gateway itself logs in as the owner here).
      await admin.query(readFileSync(resolve('resources/team/roles.sql'), 'utf8'))
      await admin.query('CREATE ROLE desk_a LOGIN IN ROLE og_agent')
      await admin.query('CREATE ROLE floor_lead LOGIN IN ROLE og_supervisor')
      const url = teamUrl.split('?')[0]!
      const agent = await desk(url, 'desk-a', { user: 'desk_a', role: 'agent' })
      // Settings say supervisor, the login is an agent's: the database's grants refuse it.
      const claimed = await desk(url, 'desk-a2', { user: 'desk_a', role: 'supervisor' })
      const lead = await desk(url, 'lead', { user: 'floor_lead', role: 'supervisor' })
      await listening(lead)

      expect(lines.filter((line) => line.startsWith('Voice engine'))).toEqual([
        expect.stringMatching(OWN_ENGINE)
      ])
      const setup = async (): Promise<unknown> => (await fetch(`${gateway.url}/call/setup`)).json()
      expect(await setup()).toEqual({ dataChannel: false })

      // A Realtime call, still running when the engine changes.
      const first = sim.placePhoneCall({
        from: '+14155550101',
        to: '+18005550100',
        wav: callerWav(500),
        trailingSilenceMs: 6_000
      })
      expect(await first.webhookDelivered).toBe(true)
      expect(lines).toContain(`call ${first.callId}: accepted (realtime)`)

      // Nobody chose yet; an agent's seat may not, nor an agent's login whatever its Settings say.
      expect(await setting(agent)).toEqual({
        team: { engine: null, updatedBy: null, updatedAt: null },
        canChange: false
      })
      const refused = { ok: false, error: { code: 'failed', message: SUPERVISOR_ONLY } }
      expect(await agent.call('gateway.engine.set', { engine: 'live' })).toEqual(refused)
      expect(await claimed.call('gateway.engine.set', { engine: 'live' })).toEqual(refused)
      expect((await admin.query('SELECT * FROM gateway_settings')).rows).toEqual([])
      // Validated at the chokepoint: an engine that does not exist never reaches the handler.
      expect(await lead.call('gateway.engine.set', { engine: 'gpt-5' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })

      const chosen = data<GatewayEngineSetting>(
        await lead.call('gateway.engine.set', { engine: 'live' })
      )
      expect(chosen).toMatchObject({ team: { engine: 'live', updatedBy: 'lead' }, canChange: true })
      expect((await admin.query('SELECT engine, updated_by FROM gateway_settings')).rows).toEqual([
        { engine: 'live', updated_by: 'lead' }
      ])
      // Heard by the running instance (no restart), said once in its log.
      await eventually(() =>
        lines.includes("Voice engine for new calls: live (the team's choice, set by lead)")
          ? true
          : undefined
      )
      expect(await setup()).toEqual({ dataChannel: true })
      // A page that read the Realtime setup before the change offers audio only: told to read
      // the setup again (no call is created).
      const stale = await fetch(`${gateway.url}/call/offer`, {
        method: 'POST',
        headers: { 'content-type': 'application/sdp' },
        body: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n'
      })
      expect([stale.status, await stale.text()]).toEqual([
        409,
        'the call setup changed: read /call/setup again'
      ])
      expect(await setting(agent)).toMatchObject({ team: { engine: 'live', updatedBy: 'lead' } })

      // The next phone call rings on GPT-Live and is answered there.
      const next = sim.placePhoneCall({
        from: '+14155550102',
        to: '+18005550100',
        wav: callerWav(500),
        trailingSilenceMs: 1_000,
        api: 'live'
      })
      expect(await next.webhookDelivered).toBe(true)
      expect(lines).toContain(`call ${next.callId}: accepted (live)`)
      const rowOf = async (callId: string): Promise<unknown> =>
        (await admin.query('SELECT status, engine FROM calls WHERE call_id = $1', [callId])).rows[0]
      // Both end on the engine each was answered on: the first one kept Realtime.
      await expect
        .poll(() => rowOf(next.callId), { timeout: 30_000 })
        .toEqual({ status: 'finished', engine: 'live' })
      await expect
        .poll(() => rowOf(first.callId), { timeout: 30_000 })
        .toEqual({ status: 'finished', engine: 'realtime' })

      // The stale web offer created no call: only the two phone calls are recorded.
      expect((await admin.query('SELECT call_id FROM calls ORDER BY call_id')).rows).toEqual(
        [first.callId, next.callId].sort().map((callId) => ({ call_id: callId }))
      )

      // Back to each instance's own settings.json.
      expect(
        data<GatewayEngineSetting>(await lead.call('gateway.engine.set', { engine: null }))
      ).toMatchObject({ team: { engine: null, updatedBy: 'lead' } })
      await eventually(() =>
        lines.filter((line) => line.startsWith('Voice engine')).length === 3 ? true : undefined
      )
      expect(lines.filter((line) => line.startsWith('Voice engine')).at(-1)).toMatch(OWN_ENGINE)
      expect(await setup()).toEqual({ dataChannel: false })
    })
  }
)
