import { describe, expect, it } from 'vitest'
import type { GatewayHealth } from '../../../src/shared/gateway/gatewayHealth'
import type { LiveCallRow } from '../../../src/shared/team/boardSnapshot'
import type { TeamEvent } from '../../../src/shared/team/teamEvents'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { API_KEY, callerWav, entries, usePhoneGateway } from './support/phoneCallRig'

const healthz = async (url: string): Promise<GatewayHealth> =>
  (await (await fetch(`${url}/healthz`)).json()) as GatewayHealth

/** Types of the events in order (a recorded call's, or the simulator's). */
const typesOf = (events: readonly { type: string }[]): string[] => events.map((e) => e.type)

// Real servers, real time: the simulator plays the call at the speed of a phone line.
describe.skipIf(skipWithoutPostgres)(
  'a phone call through the call gateway',
  { timeout: 90_000 },
  () => {
    const pg15 = usePostgres()
    const rig = usePhoneGateway(pg15)

    it('is accepted, served on the sideband (search_products from the catalog), recorded once as a phone call at the seat of the instance, and seen live by a console', async () => {
      const { sim, gateway, board, heard, admin } = await rig.start()
      const rows = new Map<string, LiveCallRow>()
      board.onChange((snapshot) => snapshot.calls.forEach((row) => rows.set(row.sessionId, row)))

      // The simulator's place-phone-call route, as a test harness would ring it.
      const wav = callerWav(2_500, [2, 7_000], [2, 3_500])
      const placed = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: '+14155550123',
          to: '+18005550100',
          wav_base64: Buffer.from(wav).toString('base64'),
          trailing_silence_ms: 1_000
        })
      })
      expect(placed.status).toBe(201)
      const { call_id: callId } = (await placed.json()) as { call_id: string }

      await expect
        .poll(() => entries(sim, callId, 'sip').at(-1)?.state, { timeout: 40_000 })
        .toBe('ended')
      // The hang-up reaches the gateway as the sideband's close; it then finalizes the session.
      await expect
        .poll(async () => (await healthz(gateway.url)).calls.inProgress, { timeout: 20_000 })
        .toBe(0)
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')

      // The simulator's ground truth: the webhook delivered once, accepted, the caller hung up.
      expect(entries(sim, callId, 'webhook').map((w) => [w.attempt, w.status])).toEqual([[1, 200]])
      expect(entries(sim, callId, 'sip').map((s) => s.state)).toEqual([
        'incoming',
        'accepted',
        'ended'
      ])
      expect(entries(sim, callId, 'sip').at(-1)).toMatchObject({ ended_by: 'caller' })

      // search_products ran in the gateway: its output (the console's catalog) went back on the
      // sideband, and the agent read the top product out of it.
      const tools = entries(sim, callId, 'tool_call')
      // The call, then the output the sideband sent for it.
      expect(tools).toEqual([
        expect.objectContaining({ name: 'search_products' }),
        expect.objectContaining({
          function_call_id: tools[0]?.function_call_id,
          output: expect.any(String)
        })
      ])
      const output = JSON.parse(tools[1]!.output!) as {
        ok: boolean
        result: { products: { name: string; price_usd: number }[] }
      }
      expect(output.ok).toBe(true)
      const top = output.result.products[0]!
      const said = entries(sim, callId, 'event')
        .filter((e) => e.direction === 'sent')
        .map((e) => e.event as { type: string; transcript?: string })
        .filter((e) => e.type === 'response.output_audio_transcript.done')
        .map((e) => e.transcript)
      expect(said).toContain(`I found the ${top.name} at ${top.price_usd} dollars.`)

      // Recorded once, as a phone call, at the instance's seat.
      const sessions = await admin.query(`SELECT session_id, source, model FROM sessions`)
      expect(sessions.rows).toHaveLength(1)
      const sessionId = sessions.rows[0].session_id as string
      expect(sessions.rows[0]).toMatchObject({ source: 'live', model: 'gpt-realtime' })
      const call = await admin.query(
        `SELECT call_id, channel, seat, status FROM calls WHERE session_id = $1`,
        [sessionId]
      )
      expect(call.rows).toEqual([
        { call_id: callId, channel: 'phone', seat: 'gw-phone', status: 'finished' }
      ])

      // Every event the simulator sent on the sideband is recorded, in order; every client event
      // it received from the sideband is recorded as the gateway's.
      const attached = sim.groundTruth
        .list(callId)
        .findIndex((e) => e.kind === 'sideband' && e.state === 'attached')
      const detached = sim.groundTruth
        .list(callId)
        .findIndex((e) => e.kind === 'sideband' && e.state === 'detached')
      const onSideband = sim.groundTruth.list(callId).slice(attached, detached)
      const simEvents = (direction: 'sent' | 'received') =>
        onSideband
          .filter((e) => e.kind === 'event' && e.direction === direction)
          .map((e) => (e as { event: { type: string } }).event)
      const recorded = await admin.query(
        `SELECT direction, type, payload FROM events WHERE session_id = $1 ORDER BY seq`,
        [sessionId]
      )
      const byDirection = (direction: string) =>
        recorded.rows
          .filter((r) => r.direction === direction)
          .map((r) => JSON.parse(r.payload as string))
      const serverRecorded = byDirection('server')
      expect(serverRecorded.length).toBeGreaterThan(30)
      expect(typesOf(serverRecorded)).toEqual(typesOf(simEvents('sent')))
      expect(serverRecorded.map((e) => e.event_id)).toEqual(
        simEvents('sent').map((e) => (e as { event_id?: string }).event_id)
      )
      expect(typesOf(byDirection('client'))).toEqual(typesOf(simEvents('received')))
      expect(typesOf(byDirection('client'))).toEqual([
        'response.create', // the greeting
        'conversation.item.create', // search_products' output
        'response.create'
      ])
      const toolResult = byDirection('local').find((e) => e.type === 'tool.result')
      expect(toolResult).toMatchObject({
        name: 'search_products',
        ok: true,
        call_id: tools[0]!.function_call_id
      })
      expect(byDirection('local').at(-1)).toEqual({ type: 'call.ended' })

      // The turns and the rules: the caller asked for a human; the alert is stored and announced.
      const turns = await admin.query(
        `SELECT caller_text FROM turns WHERE session_id = $1 ORDER BY turn_index`,
        [sessionId]
      )
      expect(turns.rows.map((r) => r.caller_text)).toEqual([
        'I need waterproof hiking boots under two hundred dollars.',
        'I want to speak to a human.'
      ])
      const alerts = await admin.query(`SELECT alert_id, rule FROM alerts WHERE session_id = $1`, [
        sessionId
      ])
      expect(alerts.rows.map((r) => r.rule)).toContain('human_request')

      // A console on the team channel saw the call live, at the gateway's seat, and its end.
      expect(rows.get(sessionId)).toMatchObject({ seat: 'gw-phone', turns: expect.any(Number) })
      const ofSession = (type: TeamEvent['type']) =>
        heard.filter((e) => e.type === type && 'sessionId' in e && e.sessionId === sessionId)
      expect(ofSession('call.progress').length).toBeGreaterThan(0)
      expect(ofSession('alert.raised')).toContainEqual(
        expect.objectContaining({
          seat: 'gw-phone',
          rule: 'human_request',
          alertId: alerts.rows[0].alert_id
        })
      )
      expect(ofSession('call.ended')).toEqual([{ type: 'call.ended', sessionId, seat: 'gw-phone' }])
      expect(heard).toContainEqual(
        expect.objectContaining({ type: 'sessions.changed', seat: 'gw-phone', reason: 'recorded' })
      )
    })
  }
)
