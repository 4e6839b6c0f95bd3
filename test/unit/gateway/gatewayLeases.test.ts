import type { ChildProcess } from 'node:child_process'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { GatewayReattachedObservation } from '../../../src/shared/live-call/callEvents'
import { freePort } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'
import type { BoardSnapshot } from '../../../src/shared/team/boardSnapshot'
import { eventually, useTeamDesks } from '../team/support/teamDesks'
import { useGateways } from './support/gatewayRig'
import {
  greetingRecorded,
  placeCall,
  recordedEvents,
  simulator,
  startInstanceA,
  useClosers,
  type Recorded
} from './support/instanceRig'
import { startTcpProxy } from './support/tcpProxy'
import { API_KEY, entries, WEBHOOK_SECRET } from './support/phoneCallRig'

// Real servers, real time, a real process killed: the simulator plays the call as a phone line.
describe.skipIf(skipWithoutPostgres)(
  'gateway leases: an instance killed mid-call',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const gateways = useGateways(pg15)
    const tmp = useTempDir()
    const desk = useTeamDesks()
    const closers = useClosers()

    /** Instance A, in its own process: it migrates the fresh database and answers webhooks. */
    const startA = async (url: string, port: number, simUrl: string): Promise<ChildProcess> =>
      (await startInstanceA(closers, tmp.path(), { url, port, simUrl })).child

    it('has its call taken over by the other instance within 5 s: one session, the gap recorded, nothing twice, finalized once at hang-up', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const child = await startA(url, portA, sim.url)
      const b = await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())
      const lead = await desk(b.teamUrl, 'lead', { role: 'supervisor' })

      const callId = await placeCall(sim.url)
      const sessionOfCall = await eventually(
        async () =>
          (await admin.query(`SELECT session_id FROM calls WHERE call_id = $1`, [callId])).rows[0]
            ?.session_id as string | undefined,
        20_000
      )
      // The supervisor's wallboard shows it at A, the caller's number masked.
      const boardRow = async (seat: string) =>
        eventually(async () => {
          const board = (await lead.call('team.board', {})) as { data: BoardSnapshot }
          return board.data.calls.find((c) => c.sessionId === sessionOfCall && c.seat === seat)
        })
      expect(await boardRow('gw-a')).toMatchObject({ caller: '+1 ••• ••• 0142' })
      // A recorded the greeting's answer: A dies (the kernel closes its sockets; no close frame).
      await greetingRecorded(admin)
      const killedAt = Date.now()
      child.kill('SIGKILL')

      // B attaches a second sideband to the same call.
      await expect
        .poll(() => entries(sim, callId, 'sideband').map((e) => e.state), {
          timeout: 10_000,
          interval: 50
        })
        .toEqual(['attached', 'detached', 'attached'])
      const sidebands = entries(sim, callId, 'sideband')
      const reattachMs = sidebands[2]!.at_ms - killedAt
      console.log(
        `re-attached ${Math.round(reattachMs)} ms after the SIGKILL ` +
          `(${Math.round(sidebands[2]!.at_ms - sidebands[1]!.at_ms)} ms after the simulator saw A's sideband drop)`
      )
      expect(reattachMs).toBeLessThan(5_000)

      // The wallboard row goes on at B (the number kept); a supervisor's command reaches B.
      expect(await boardRow('gw-b')).toMatchObject({ channel: 'phone', caller: '+1 ••• ••• 0142' })
      const stop = (await lead.call('gateway.act', {
        sessionId: sessionOfCall,
        action: 'stop_agent'
      })) as { ok: boolean; data?: { gatewaySeat: string } }
      expect(stop).toMatchObject({ ok: true, data: { gatewaySeat: 'gw-b' } })
      await expect
        .poll(
          async () =>
            (await admin.query(`SELECT status, target_seat FROM call_commands`)).rows[0] as unknown,
          { timeout: 10_000 }
        )
        .toEqual({ status: 'done', target_seat: 'gw-b' })

      // The call goes on at B to the caller's hang-up; B finalizes it once.
      await expect
        .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 60_000 })
        .toBe('ended')
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual([
        'attached',
        'detached',
        'attached',
        'detached'
      ])

      // One session, one call row: now held by B, still a phone call.
      const sessions = await admin.query(`SELECT session_id FROM sessions`)
      expect(sessions.rows).toHaveLength(1)
      const sessionId = sessions.rows[0].session_id as string
      const calls = await admin.query(`SELECT session_id, call_id, channel, seat FROM calls`)
      expect(calls.rows).toEqual([
        { session_id: sessionId, call_id: callId, channel: 'phone', seat: 'gw-b' }
      ])
      expect(b.lines.filter((l) => l.includes(`recorded as session ${sessionId}`))).toHaveLength(1)

      const events = await recordedEvents(admin, sessionId)
      // Numbered without a hole, on one timeline.
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
      for (let i = 1; i < events.length; i++)
        expect(events[i]!.at_ms).toBeGreaterThanOrEqual(events[i - 1]!.at_ms)

      // The gap, recorded once, between A's events and B's.
      const gapAt = events.findIndex((e) => e.type === 'gateway.reattached')
      expect(events.filter((e) => e.type === 'gateway.reattached')).toHaveLength(1)
      const gap = JSON.parse(events[gapAt]!.payload) as GatewayReattachedObservation
      expect(gap).toMatchObject({
        cause: 'holder_lost',
        from_seat: 'gw-a',
        by_seat: 'gw-b',
        outcome: 'attached'
      })
      console.log(`gap recorded: ${gap.gap_ms} ms without a sideband`)
      expect(gap.gap_ms).toBeGreaterThan(0)
      expect(gap.gap_ms).toBeLessThan(5_000 + 1_000)
      expect(events.slice(0, gapAt).some((e) => e.direction === 'server')).toBe(true)
      expect(events.slice(gapAt).some((e) => e.direction === 'server')).toBe(true)
      // One hang-up, at the end.
      expect(events.filter((e) => e.type === 'call.ended').map((e) => e.seq)).toEqual([
        events.length - 1
      ])

      // No event twice; before the gap, what the simulator sent to A's sideband (the tail A had
      // not stored when it died is lost); after, exactly what it sent to B's.
      const serverIds = (rows: Recorded[]): string[] =>
        rows
          .filter((e) => e.direction === 'server')
          .map((e) => (JSON.parse(e.payload) as { event_id: string }).event_id)
      const all = serverIds(events)
      expect(new Set(all).size).toBe(all.length)
      const truth = sim.groundTruth.list(callId)
      const sentBetween = (from: number, to: number): string[] =>
        truth
          .filter((e) => e.at_ms >= from && e.at_ms <= to)
          .filter((e) => e.kind === 'event' && e.direction === 'sent')
          .map((e) => (e as { event: { event_id: string } }).event.event_id)
      const afterEnd = entries(sim, callId, 'sideband')[3]!.at_ms
      const toA = sentBetween(sidebands[0]!.at_ms, sidebands[1]!.at_ms)
      const beforeGap = serverIds(events.slice(0, gapAt))
      expect(toA.slice(0, beforeGap.length)).toEqual(beforeGap)
      expect(serverIds(events.slice(gapAt))).toEqual(sentBetween(sidebands[2]!.at_ms, afterEnd))

      // B served the agent after the takeover: search_products answered, the caller's words in
      // the turns, the human request raised.
      const tools = entries(sim, callId, 'tool_call')
      expect(tools.map((t) => t.output === undefined)).toEqual([true, false])
      expect(tools[0]!.at_ms).toBeGreaterThan(sidebands[2]!.at_ms)
      const turns = await admin.query(
        `SELECT caller_text FROM turns WHERE session_id = $1 ORDER BY turn_index`,
        [sessionId]
      )
      expect(turns.rows.map((r) => r.caller_text)).toEqual([
        'I need waterproof hiking boots under two hundred dollars.',
        'I want to speak to a human.'
      ])
      const alerts = await admin.query(`SELECT rule FROM alerts WHERE session_id = $1`, [sessionId])
      expect(alerts.rows.map((r) => r.rule)).toContain('human_request')
    })

    it('finalizes a call the API no longer has, when taking it over, as incomplete with what was recorded', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const child = await startA(url, portA, sim.url)
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())
      const callId = await placeCall(sim.url)
      await greetingRecorded(admin)
      child.kill('SIGKILL')
      // The call ends while no instance holds it; then B starts and finds it orphaned.
      const hungUp = await fetch(`${sim.url}/v1/realtime/calls/${callId}/hangup`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}` }
      })
      expect(hungUp.ok).toBe(true)
      const b = await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 15_000
        })
        .toBe('incomplete')
      const { rows } = await admin.query(`SELECT session_id, seat FROM calls`)
      expect(rows).toEqual([{ session_id: expect.any(String), seat: 'gw-b' }])
      const events = await recordedEvents(admin, rows[0].session_id as string)
      const gaps = events.filter((e) => e.type === 'gateway.reattached')
      expect(gaps.map((e) => JSON.parse(e.payload) as GatewayReattachedObservation)).toEqual([
        expect.objectContaining({ from_seat: 'gw-a', by_seat: 'gw-b', outcome: 'call_gone' })
      ])
      expect(events.at(-1)?.type).toBe('call.ended')
      expect(events.filter((e) => e.direction === 'server').length).toBeGreaterThan(0)
      // The simulator never let B on (only A's sideband was ever attached).
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual(['attached', 'detached'])
      expect(b.lines.some((l) => l.includes('the API no longer has the call'))).toBe(true)
    })

    it('attaches again by itself when its sideband drops while it lives, the gap recorded', async () => {
      const url = await pg15.freshUrl()
      const port = await freePort()
      const sim = await simulator(port)
      closers.push(() => sim.close())
      // The gateway reaches the API through a link the test cuts.
      const link = await startTcpProxy(new URL(sim.url))
      closers.push(() => link.close())
      const { lines } = await gateways.start(url, {
        port,
        instance: 'gw-one',
        realtimeBaseUrl: link.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET
      })
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())
      const callId = await placeCall(sim.url)
      await greetingRecorded(admin)
      link.cutAll()
      await expect
        .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 60_000 })
        .toBe('ended')
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')
      expect(entries(sim, callId, 'sideband').map((e) => e.state)).toEqual([
        'attached',
        'detached',
        'attached',
        'detached'
      ])
      const { rows } = await admin.query(`SELECT session_id FROM calls`)
      const events = await recordedEvents(admin, rows[0].session_id as string)
      const gaps = events.filter((e) => e.type === 'gateway.reattached')
      expect(gaps.map((e) => JSON.parse(e.payload) as GatewayReattachedObservation)).toEqual([
        expect.objectContaining({
          cause: 'sideband_dropped',
          from_seat: 'gw-one',
          by_seat: 'gw-one',
          outcome: 'attached'
        })
      ])
      expect(events.filter((e) => e.type === 'call.ended').map((e) => e.seq)).toEqual([
        events.length - 1
      ])
      const ids = events
        .filter((e) => e.direction === 'server')
        .map((e) => (JSON.parse(e.payload) as { event_id: string }).event_id)
      expect(new Set(ids).size).toBe(ids.length)
      // The agent was still served after the drop: the tool answered.
      expect(entries(sim, callId, 'tool_call').map((t) => t.output === undefined)).toEqual([
        true,
        false
      ])
      expect(lines.some((l) => l.includes('sideband dropped'))).toBe(true)
    })
  }
)
