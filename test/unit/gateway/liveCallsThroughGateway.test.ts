import { randomBytes } from 'node:crypto'
import wrtc from '@roamhq/wrtc'
import { afterEach, describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '../../../src/shared/team/boardSnapshot'
import { iceGatheringComplete } from '../../../src/shared/realtime/iceGatheringComplete'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { eventually, useTeamDesks, type Desk } from '../team/support/teamDesks'
import { API_KEY, callerWav, entries, usePhoneGateway } from './support/phoneCallRig'

// Issue #20 point 4: the gateway's phone and web calls on GPT-Live (settings.json's provider
// engine), against the simulator's /v1/live/sessions: signed `live.transport.incoming`,
// accept, the sideband, delegations answered from the gateway's catalog, supervisors' actions.

const TRANSFER_URI = 'sip:support-queue@pbx.outdoorgear.example'
const INSTRUCTION = 'Offer the caller our 30-day return policy before anything else.'
const LIVE_SETTINGS = { provider: { kind: 'openai', engine: 'live' }, liveModel: 'gpt-live-1' }

/** A long first answer the caller cuts short. */
const BARGE_IN_SCENARIO = `
name: gateway live barge-in
language: en
generation_speed: 2
transcription_delay_ms: 100
greeting: { delay_ms: 100, say: Hello. }
turns:
  - caller: Tell me about your tents.
    agent:
      delay_ms: 150
      say: >-
        We carry tents for one to six people, with aluminum poles that set up in a few minutes,
        and each comes with a footprint, a rain fly, stakes and guy lines, all packed in one
        stuff sack that fits on the side of most daypacks, and members get free shipping.
  - caller: Just the price please.
    agent: { delay_ms: 150, say: They start at two hundred dollars. }
`

type Answer = { ok: true; data: unknown } | { ok: false; error: { message: string } }
const act = async (desk: Desk, input: unknown): Promise<Answer> =>
  (await desk.call('gateway.act', input)) as Answer

/** The simulator's events the sideband sent the gateway (`sent`) or received from it. */
const simEvents = (
  list: { kind: string; direction?: string; event?: unknown }[],
  direction: 'sent' | 'received'
): { type: string; [key: string]: unknown }[] =>
  list
    .filter((e) => e.kind === 'event' && e.direction === direction)
    .map((e) => e.event as { type: string })

describe.skipIf(skipWithoutPostgres)(
  'GPT-Live calls through the gateway',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const rig = usePhoneGateway(pg15)
    const desk = useTeamDesks()
    const peers: RTCPeerConnection[] = []
    afterEach(() => peers.splice(0).forEach((pc) => pc.close()))

    it('answers a Live phone call: accepted, the delegation answered from the catalog, instructed, transferred (refer), recorded as phone on engine live', async () => {
      const { sim, admin, teamUrl, lines } = await rig.start({
        transferUri: TRANSFER_URI,
        settings: LIVE_SETTINGS
      })
      const lead = await desk(teamUrl, 'lead', { role: 'supervisor' })
      const placed = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: '+14155550142',
          to: '+18005550100',
          wav_base64: Buffer.from(callerWav(2_500, [2, 7_000])).toString('base64'),
          trailing_silence_ms: 40_000,
          api: 'live'
        })
      })
      expect(placed.status).toBe(201)
      const { call_id: callId } = (await placed.json()) as { call_id: string }
      expect(callId).toMatch(/^live_/)
      const sessionId = await eventually(
        async () =>
          (await admin.query(`SELECT session_id FROM calls WHERE call_id = $1`, [callId])).rows[0]
            ?.session_id as string | undefined,
        20_000
      )

      // The signed live.transport.incoming was verified and acted on once: accepted.
      expect(entries(sim, callId, 'webhook').map((w) => [w.event_type, w.status])).toEqual([
        ['live.transport.incoming', 200]
      ])
      expect(entries(sim, callId, 'sip').map((s) => s.state)).toEqual(['incoming', 'accepted'])
      expect(lines).toContain(`call ${callId}: accepted (live)`)

      // The delegation was answered with the gateway's catalog search, read from the caller's
      // words (the scripted agent meant search_products), and the agent said its top product.
      const answered = await eventually(
        async () => entries(sim, callId, 'delegation').find((d) => d.state === 'answered'),
        30_000
      )
      const created = entries(sim, callId, 'delegation').find((d) => d.state === 'created')!
      expect(created.expected_tool).toBe('search_products')
      expect(answered.delegation_id).toBe(created.delegation_id)
      const content = JSON.parse((answered as { content: string }).content) as {
        ok: boolean
        result: { products: { name: string; price_usd: number }[] }
      }
      expect(content.ok).toBe(true)
      const top = content.result.products[0]!
      expect(top.price_usd).toBeLessThanOrEqual(200)
      await expect
        .poll(() => entries(sim, callId, 'agent_speech').map((s) => s.text), { timeout: 15_000 })
        .toContain(`I found the ${top.name} at ${top.price_usd} dollars.`)

      // The supervisor's wallboard shows it as a phone call at the gateway.
      const row = await eventually(async () => {
        const board = (await lead.call('team.board', {})) as { ok: true; data: BoardSnapshot }
        return board.data.calls.find((c) => c.sessionId === sessionId && c.caller !== null)
      })
      expect(row).toMatchObject({ seat: 'gw-phone', channel: 'phone', engine: 'live' })

      // Instruct: session.instructions.append reached the session from the sideband.
      expect(
        await act(lead, { sessionId, action: 'instruct', instruction: INSTRUCTION })
      ).toMatchObject({ ok: true })
      await expect
        .poll(() =>
          simEvents(sim.groundTruth.list(callId), 'received').some(
            (e) => e.type === 'session.instructions.append' && e.content === INSTRUCTION
          )
        )
        .toBe(true)
      // Stop: GPT-Live has no client event for it; the command fails and says why.
      expect(await act(lead, { sessionId, action: 'stop_agent' })).toMatchObject({ ok: true })
      await expect
        .poll(
          async () =>
            (
              await admin.query(
                `SELECT status, result FROM call_commands WHERE action = 'stop_agent'`
              )
            ).rows[0]
        )
        .toEqual({ status: 'failed', result: 'GPT-Live has no way to stop the agent mid-sentence' })

      // Transfer: refer on the Live API, to the configured URI (the simulator's ground truth).
      const transfer = await act(lead, { sessionId, action: 'transfer', note: 'Wants a person' })
      expect(transfer).toMatchObject({ ok: true, data: { gatewaySeat: 'gw-phone' } })
      await expect
        .poll(() => entries(sim, callId, 'sip').map((s) => s.state), { timeout: 10_000 })
        .toEqual(['incoming', 'accepted', 'referred', 'ended'])
      expect(entries(sim, callId, 'sip')[2]).toMatchObject({ target_uri: TRANSFER_URI })

      // Recorded as a phone call on GPT-Live, transferred, at the gateway's seat.
      await expect
        .poll(
          async () =>
            (
              await admin.query(
                `SELECT status, outcome, channel, engine, seat, model FROM calls WHERE session_id = $1`,
                [sessionId]
              )
            ).rows[0],
          { timeout: 20_000 }
        )
        .toEqual({
          status: 'finished',
          outcome: 'transferred',
          channel: 'phone',
          engine: 'live',
          seat: 'gw-phone',
          model: 'gpt-live-1'
        })
      const recorded = (
        await admin.query(
          `SELECT direction, type, payload FROM events WHERE session_id = $1 ORDER BY seq`,
          [sessionId]
        )
      ).rows.map((r) => ({ direction: r.direction as string, ...JSON.parse(r.payload as string) }))
      expect(recorded[0]).toEqual({
        direction: 'local',
        type: 'sideband.joined',
        session: { id: callId, model: 'gpt-live-1' }
      })
      // Every client event the simulator received on the sideband is the gateway's recorded one.
      const received = simEvents(sim.groundTruth.list(callId), 'received').map((e) => e.type)
      expect(recorded.filter((e) => e.direction === 'client').map((e) => e.type)).toEqual(received)
      expect(received).toEqual(['session.commentary.append', 'session.instructions.append'])
      expect(recorded).toContainEqual(
        expect.objectContaining({
          direction: 'local',
          type: 'tool.result',
          name: 'search_products',
          call_id: created.delegation_id,
          ok: true
        })
      )
      expect(recorded.filter((e) => e.type === 'session.closed')).toHaveLength(1)
      // The turns read from the Live events: the caller's words, the agent's answer.
      const turns = await admin.query(
        `SELECT caller_text, agent_text FROM turns WHERE session_id = $1 ORDER BY turn_index`,
        [sessionId]
      )
      expect(turns.rows[0]).toMatchObject({
        caller_text: 'I need waterproof hiking boots under two hundred dollars.'
      })
    })

    it('answers a Live web call: the page offers a data channel, the session is created with it locked, the hang-up closes the session, recorded as web on engine live', async () => {
      const { sim, gateway, admin } = await rig.start({ settings: LIVE_SETTINGS })
      const setup = (await (await fetch(`${gateway.url}/call/setup`)).json()) as {
        dataChannel: boolean
      }
      expect(setup).toEqual({ dataChannel: true })

      const pc = new wrtc.RTCPeerConnection()
      peers.push(pc)
      pc.addTransceiver('audio', { direction: 'sendrecv' })
      // An audio-only offer does not fit a Live call: the page is told to read the setup again.
      await pc.setLocalDescription(await pc.createOffer())
      await iceGatheringComplete(pc as never)
      const audioOnly = await fetch(`${gateway.url}/call/offer`, {
        method: 'POST',
        headers: { 'content-type': 'application/sdp' },
        body: pc.localDescription!.sdp
      })
      expect(audioOnly.status).toBe(409)

      const page = new wrtc.RTCPeerConnection()
      peers.push(page)
      page.addTransceiver('audio', { direction: 'sendrecv' })
      page.createDataChannel('events')
      await page.setLocalDescription(await page.createOffer())
      await iceGatheringComplete(page as never)
      const answered = await fetch(`${gateway.url}/call/offer`, {
        method: 'POST',
        headers: { 'content-type': 'application/sdp' },
        body: page.localDescription!.sdp
      })
      expect(answered.status).toBe(201)
      const token = answered.headers.get('x-call-token')!
      await page.setRemoteDescription({ type: 'answer', sdp: await answered.text() })

      const callId = await eventually(
        async () => (await admin.query(`SELECT call_id FROM calls`)).rows[0]?.call_id as string,
        20_000
      )
      expect(callId).toMatch(/^live_/)
      expect(entries(sim, callId, 'sideband')[0]?.state).toBe('attached')
      // The session started when the page's data channel opened; the sideband, attached before,
      // saw it: created with that channel locked to no events (the page is untrusted).
      const started = await eventually(
        async () =>
          (await admin.query(`SELECT payload FROM events WHERE type = 'session.started'`)).rows[0]
            ?.payload as string | undefined,
        20_000
      )
      expect(JSON.parse(started).session).toMatchObject({
        id: callId,
        model: 'gpt-live-1',
        client: { data_channel: { allowed_client_events: [], allowed_server_events: [] } }
      })

      const hangup = await fetch(`${gateway.url}/call/hangup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token })
      })
      expect(hangup.status).toBe(204)
      // Ended with session.close on the sideband (the REST hang-up is SIP's).
      await expect
        .poll(() =>
          simEvents(sim.groundTruth.list(callId), 'received')
            .filter((e) => e.type === 'session.close')
            .map((e) => e.type)
        )
        .toEqual(['session.close'])
      await expect
        .poll(
          async () =>
            (await admin.query(`SELECT status, channel, engine, seat FROM calls`)).rows[0],
          { timeout: 20_000 }
        )
        .toEqual({ status: 'finished', channel: 'web', engine: 'live', seat: 'gw-phone' })
      expect((await gateway.health()).calls.inProgress).toBe(0)
    })

    it("counts a caller's barge-in on a Live phone call from the sideband's reflected audio (Live reports none)", async () => {
      const { sim, admin } = await rig.start({
        settings: LIVE_SETTINGS,
        scenarioYaml: BARGE_IN_SCENARIO
      })
      // The caller asks, then cuts the long answer short 2.5 s after their own turn ended.
      const placed = sim.placePhoneCall({
        from: '+14155550123',
        to: '+18005550100',
        wav: callerWav(1_500, [2, 2_500], [2, 3_000]),
        trailingSilenceMs: 1_000,
        api: 'live'
      })
      expect(await placed.webhookDelivered).toBe(true)
      await placed.ended
      await expect
        .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
          timeout: 20_000
        })
        .toBe('finished')
      expect(entries(sim, placed.callId, 'barge_in')).toHaveLength(1)
      const sessionId = String(
        (await admin.query(`SELECT session_id FROM calls`)).rows[0].session_id
      )
      const local = (
        await admin.query(
          `SELECT type FROM events WHERE session_id = $1 AND direction = 'local' ORDER BY seq`,
          [sessionId]
        )
      ).rows.map((r) => r.type as string)
      expect(local.filter((type) => type === 'mic.speech_started')).toHaveLength(2)
      expect(local).toContain('remote_audio.audible')
      expect(local).toContain('remote_audio.silent')
      const session = await admin.query(
        `SELECT interruptions FROM sessions WHERE session_id = $1`,
        [sessionId]
      )
      expect(session.rows).toEqual([{ interruptions: 1 }])
      const turns = await admin.query(
        `SELECT barge_in FROM turns WHERE session_id = $1 ORDER BY turn_index`,
        [sessionId]
      )
      expect(turns.rows.map((r) => r.barge_in)).toContain(1)
    })

    it('refuses a live.transport.incoming signed with another secret (400 on every retry, logged, nothing recorded)', async () => {
      // The platform signs with a secret the gateway does not have.
      const otherSecret = `whsec_${randomBytes(32).toString('base64')}`
      const { sim, gateway, admin, lines } = await rig.start({
        webhookSecret: otherSecret,
        settings: LIVE_SETTINGS
      })
      const placed = sim.placePhoneCall({
        from: '+14155550123',
        to: '+18005550100',
        wav: callerWav(500),
        ringTimeoutMs: 3_000,
        api: 'live'
      })
      expect(await placed.webhookDelivered).toBe(false)
      expect(await placed.ended).toEqual({ endedBy: 'caller', reason: 'no answer' })
      expect(entries(sim, placed.callId, 'webhook').map((w) => [w.event_type, w.status])).toEqual([
        ['live.transport.incoming', 400],
        ['live.transport.incoming', 400],
        ['live.transport.incoming', 400]
      ])
      expect(entries(sim, placed.callId, 'sip').map((s) => s.state)).toEqual(['incoming', 'ended'])
      expect(lines.filter((l) => l.startsWith('webhook refused (400)'))).toHaveLength(3)
      expect(lines.at(-1)).toContain(
        `webhook-id ${placed.webhookId}: The given webhook signature does not match the expected signature`
      )
      for (const line of lines) expect(line).not.toContain(otherSecret.slice(6))
      expect(
        (await admin.query(`SELECT count(*)::int AS n FROM webhook_deliveries`)).rows[0].n
      ).toBe(0)
      expect((await admin.query(`SELECT count(*)::int AS n FROM calls`)).rows[0].n).toBe(0)
      expect((await gateway.health()).webhooks).toEqual({ refused: 3, replayed: 0 })
    })

    it('acknowledges a Realtime call ringing at a gateway whose calls run on GPT-Live, without answering it', async () => {
      const { sim, admin, lines } = await rig.start({ settings: LIVE_SETTINGS })
      const placed = sim.placePhoneCall({
        from: '+14155550123',
        to: '+18005550100',
        wav: callerWav(500),
        ringTimeoutMs: 3_000
      })
      expect(await placed.webhookDelivered).toBe(true)
      expect(await placed.ended).toEqual({ endedBy: 'caller', reason: 'no answer' })
      expect(lines).toContainEqual(
        `webhook ${placed.webhookId}: realtime.call.incoming for call ${placed.callId} acknowledged, not acted on (this gateway's calls run on live)`
      )
      expect((await admin.query(`SELECT count(*)::int AS n FROM calls`)).rows[0].n).toBe(0)
    })
  }
)
