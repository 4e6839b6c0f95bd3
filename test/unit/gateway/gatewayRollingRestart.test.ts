import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { TeamChannel } from '../../../src/main/team/TeamChannel'
import type {
  GatewayHandedOverObservation,
  GatewayReattachedObservation
} from '../../../src/shared/live-call/callEvents'
import type { TeamEvent } from '../../../src/shared/team/teamEvents'
import { freePort } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'
import { useGateways } from './support/gatewayRig'
import {
  greetingRecorded,
  placeCall,
  recordedEvents,
  simulator,
  type GatewayChild,
  startInstanceA,
  useClosers,
  type Recorded
} from './support/instanceRig'
import { API_KEY, callerWav, entries, WEBHOOK_SECRET } from './support/phoneCallRig'

const serverIds = (rows: Recorded[]): string[] =>
  rows
    .filter((e) => e.direction === 'server')
    .map((e) => (JSON.parse(e.payload) as { event_id: string }).event_id)

// Real servers, real time, a real process sent SIGTERM: what a rolling restart does to its calls.
describe.skipIf(skipWithoutPostgres)(
  'gateway rolling restart: SIGTERM hands the calls over',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const gateways = useGateways(pg15)
    const tmp = useTempDir()
    const closers = useClosers()

    const startA = (url: string, port: number, simUrl: string): Promise<GatewayChild> =>
      startInstanceA(closers, tmp.path(), { url, port, simUrl }, { drainTimeoutMs: 60_000 })

    async function admin(url: string): Promise<pg.Client> {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      closers.push(() => client.end())
      return client
    }

    /** What every console hears on the team channel. */
    async function listen(url: string): Promise<TeamEvent[]> {
      const channel = new TeamChannel({ connection: { connectionString: url }, log: () => {} })
      const heard: TeamEvent[] = []
      channel.onEvent((event) => heard.push(event))
      closers.push(() => channel.close())
      await channel.start()
      return heard
    }

    const health = async (port: number): Promise<{ status: number; body: unknown }> => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`)
      return { status: res.status, body: await res.json() }
    }

    it('with another instance up: stops taking calls, hands its call over (the gap recorded, nothing lost before it) and exits 0; the other carries it to the end', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const a = await startA(url, portA, sim.url)
      const b = await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      const db = await admin(url)
      const heard = await listen(url)
      const callId = await placeCall(sim.url)
      await greetingRecorded(db)

      a.child.kill('SIGTERM')
      // Draining: /healthz answers 503 so a load balancer sends nothing more.
      await expect
        .poll(() => health(portA).catch(() => null), { timeout: 5_000, interval: 20 })
        .toMatchObject({ status: 503, body: { instance: 'gw-a', status: 'draining' } })
      expect(await a.exited).toBe(0)
      expect(a.output()).toMatch(/call \S+: taken over by another instance/)

      // B attached its sideband; the call runs to its hang-up at B, finalized once.
      await expect
        .poll(() => entries(sim, callId, 'sideband').map((e) => e.state), { timeout: 5_000 })
        .toEqual(['attached', 'detached', 'attached'])
      await expect
        .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 60_000 })
        .toBe('ended')
      await expect
        .poll(async () => (await db.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')
      const { rows } = await db.query(`SELECT session_id, seat FROM calls`)
      expect(rows).toEqual([{ session_id: expect.any(String), seat: 'gw-b' }])
      const sessionId = rows[0].session_id as string

      // One timeline: A's events, A letting go, B's attach with the gap, B's events, one end.
      const events = await recordedEvents(db, sessionId)
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
      const letGo = events.findIndex((e) => e.type === 'gateway.handed_over')
      const gapAt = events.findIndex((e) => e.type === 'gateway.reattached')
      expect(JSON.parse(events[letGo]!.payload) as GatewayHandedOverObservation).toEqual({
        type: 'gateway.handed_over',
        from_seat: 'gw-a'
      })
      expect(events.slice(letGo + 1, gapAt).every((e) => e.direction === 'local')).toBe(true)
      const gap = JSON.parse(events[gapAt]!.payload) as GatewayReattachedObservation
      expect(gap).toMatchObject({
        cause: 'handed_over',
        from_seat: 'gw-a',
        by_seat: 'gw-b',
        outcome: 'attached'
      })
      console.log(`handed over: gap ${gap.gap_ms} ms without a sideband`)
      expect(gap.gap_ms).toBeLessThan(5_000)
      expect(events.filter((e) => e.type === 'call.ended').map((e) => e.seq)).toEqual([
        events.length - 1
      ])

      // A stored what it received before letting go (a kill loses its last batch): A's events
      // are what the simulator sent A's sideband, but for what it sent after A's close frame.
      const sidebands = entries(sim, callId, 'sideband')
      const truth = sim.groundTruth.list(callId)
      const sentBetween = (from: number, to: number): string[] =>
        truth
          .filter((e) => e.at_ms >= from && e.at_ms <= to)
          .filter((e) => e.kind === 'event' && e.direction === 'sent')
          .map((e) => (e as { event: { event_id: string } }).event.event_id)
      const toA = sentBetween(sidebands[0]!.at_ms, sidebands[1]!.at_ms)
      const byA = serverIds(events.slice(0, letGo))
      expect(toA.slice(0, byA.length)).toEqual(byA)
      console.log(`sent to A after its close frame, not recorded: ${toA.length - byA.length}`)
      expect(serverIds(events.slice(gapAt))).toEqual(
        sentBetween(sidebands[2]!.at_ms, sidebands[3]!.at_ms)
      )
      // The agent was served at B: search_products answered after the handover.
      const tools = entries(sim, callId, 'tool_call')
      expect(tools.map((t) => t.output === undefined)).toEqual([true, false])
      expect(tools[0]!.at_ms).toBeGreaterThan(sidebands[2]!.at_ms)

      // The boards never heard the call end at A: only at B, at its end.
      const ended = heard.filter((e) => e.type === 'call.ended' && e.sessionId === sessionId)
      expect(ended).toEqual([{ type: 'call.ended', sessionId, seat: 'gw-b' }])
      expect(b.lines.filter((l) => l.includes(`recorded as session ${sessionId}`))).toHaveLength(1)
    })

    it('alone: keeps serving while it refuses new calls; a second SIGTERM lets the call go, and the next instance to start takes it over', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const a = await startA(url, portA, sim.url)
      const db = await admin(url)
      const callId = await placeCall(sim.url, callerWav(4_000, [2, 7_000], [2, 3_500]))
      await greetingRecorded(db)

      a.child.kill('SIGTERM')
      await expect
        .poll(() => health(portA), { timeout: 5_000, interval: 50 })
        .toMatchObject({ status: 503, body: { status: 'draining', calls: { inProgress: 1 } } })
      // A new call is for another instance: the webhook is answered 503 (the platform retries).
      const webhook = await fetch(`http://127.0.0.1:${portA}/webhooks/openai`, {
        method: 'POST',
        body: '{}'
      })
      expect(webhook.status).toBe(503)
      // No other instance: A keeps its sideband and serves the caller's question.
      await expect
        .poll(() => entries(sim, callId, 'tool_call').at(-1)?.output !== undefined, {
          timeout: 30_000
        })
        .toBe(true)
      expect(a.child.exitCode).toBeNull()
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual(['attached'])
      expect(a.output()).toContain('no other instance to take 1 call(s)')

      // The second SIGTERM: the call is let go (stored, released, not finalized) and A exits.
      a.child.kill('SIGTERM')
      expect(await a.exited).toBe(0)
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual(['attached', 'detached'])
      const { rows } = await db.query(`SELECT session_id, seat, status FROM calls`)
      expect(rows).toEqual([{ session_id: expect.any(String), seat: 'gw-a', status: 'active' }])
      const sessionId = rows[0].session_id as string
      expect((await recordedEvents(db, sessionId)).at(-1)?.type).toBe('gateway.handed_over')

      // The restarted instance takes it over and carries it to the end.
      await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      await expect
        .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 60_000 })
        .toBe('ended')
      await expect
        .poll(async () => (await db.query(`SELECT status, seat FROM calls`)).rows[0], {
          timeout: 20_000
        })
        .toEqual({ status: 'finished', seat: 'gw-b' })
      const gaps = (await recordedEvents(db, sessionId)).filter(
        (e) => e.type === 'gateway.reattached'
      )
      expect(gaps.map((e) => JSON.parse(e.payload) as GatewayReattachedObservation)).toEqual([
        expect.objectContaining({ cause: 'handed_over', from_seat: 'gw-a', by_seat: 'gw-b' })
      ])
    })

    it('alone: exits 0 once its last call has ended, the call finalized by itself', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const a = await startA(url, portA, sim.url)
      const db = await admin(url)
      const callId = await placeCall(sim.url, callerWav(500, [2, 1_500]))
      await greetingRecorded(db)
      a.child.kill('SIGTERM')
      expect(await a.exited).toBe(0)
      expect(entries(sim, callId, 'sip').at(-1)?.state).toBe('ended')
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual(['attached', 'detached'])
      expect((await db.query(`SELECT status, seat FROM calls`)).rows).toEqual([
        { status: 'finished', seat: 'gw-a' }
      ])
      const events = await recordedEvents(
        db,
        (await db.query(`SELECT session_id FROM calls`)).rows[0].session_id
      )
      expect(events.some((e) => e.type === 'gateway.handed_over')).toBe(false)
    })
  }
)
