import { mkdirSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator } from '../../../src/main/realtime-sim/startSimulator'
import { freePort } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'
import { useGateways } from './support/gatewayRig'
import {
  API_KEY,
  callerWav,
  entries,
  GATEWAY_SCENARIO_YAML,
  WEBHOOK_SECRET
} from './support/phoneCallRig'
import { spawnGateway, useClosers } from './support/instanceRig'

// A GPT-Live phone call whose instance dies (SIGKILL) is taken over by another instance whose
// own settings say Realtime: the call goes on on the engine its row records.
describe.skipIf(skipWithoutPostgres)(
  'a GPT-Live call taken over after its instance died',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const gateways = useGateways(pg15)
    const tmp = useTempDir()
    const closers = useClosers()

    it('is re-attached on the Live sideband, its delegation answered by the new holder, recorded once with the gap', async () => {
      const url = await pg15.freshUrl()
      const port = await freePort()
      const sim = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(GATEWAY_SCENARIO_YAML, 'gateway.yaml'),
        voice: new ToneVoice(),
        debugRoutes: true,
        webhookUrl: `http://127.0.0.1:${port}/webhooks/openai`,
        webhookSecret: WEBHOOK_SECRET
      })
      closers.push(() => sim.close())
      const dataDir = `${tmp.path()}/gw-a`
      mkdirSync(dataDir, { recursive: true })
      writeFileSync(
        `${dataDir}/settings.json`,
        JSON.stringify({ provider: { kind: 'openai', engine: 'live' } })
      )
      const { child } = await spawnGateway({
        teamUrl: `${url}?sslmode=disable`,
        instance: 'gw-a',
        port,
        dataDir,
        resourcesDir: RESOURCES_DIR,
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      closers.push(() => void child.kill('SIGKILL'))
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())

      // The caller is quiet for 6 s after the greeting, then asks for boots (a delegation).
      const placed = sim.placePhoneCall({
        from: '+14155550142',
        to: '+18005550100',
        wav: callerWav(6_000, [2, 7_000]),
        trailingSilenceMs: 1_000,
        api: 'live'
      })
      await expect
        .poll(
          async () =>
            (await admin.query(`SELECT type FROM events`)).rows.map((r) => r.type as string),
          { timeout: 30_000, interval: 100 }
        )
        .toContain('session.output_transcript.delta')
      child.kill('SIGKILL')
      // B runs Realtime by its settings (none): the call keeps its own engine.
      const b = await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      await placed.ended
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')

      expect(entries(sim, placed.callId, 'sideband').map((e) => e.state)).toEqual([
        'attached',
        'detached',
        'attached',
        'detached'
      ])
      const answered = entries(sim, placed.callId, 'delegation').find(
        (d) => d.state === 'answered'
      ) as { content: string } | undefined
      expect(JSON.parse(answered?.content ?? '{}')).toMatchObject({ ok: true })
      const { rows } = await admin.query(`SELECT session_id, seat, engine FROM calls`)
      expect(rows).toEqual([{ session_id: expect.any(String), seat: 'gw-b', engine: 'live' }])
      const events = (
        await admin.query(
          `SELECT direction, type, payload FROM events WHERE session_id = $1 ORDER BY seq`,
          [rows[0].session_id]
        )
      ).rows as { direction: string; type: string; payload: string }[]
      expect(events.filter((e) => e.type === 'gateway.reattached')).toHaveLength(1)
      expect(events.filter((e) => e.type === 'sideband.joined')).toHaveLength(1)
      expect(events.filter((e) => e.type === 'session.commentary.append')).toHaveLength(1)
      expect(events.filter((e) => e.type === 'tool.result')).toHaveLength(1)
      expect(b.lines.some((l) => l.includes('sideband attached again (holder_lost)'))).toBe(true)
    })
  }
)
