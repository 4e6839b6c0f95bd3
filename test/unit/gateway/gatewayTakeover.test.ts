import { describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '../../../src/shared/team/boardSnapshot'
import type { CallCommandDoneEvent } from '../../../src/shared/team/teamEvents'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { eventually, useTeamDesks, type Desk } from '../team/support/teamDesks'
import { API_KEY, callerWav, entries, usePhoneGateway } from './support/phoneCallRig'

const TRANSFER_URI = 'sip:support-queue@pbx.outdoorgear.example'
const INSTRUCTION = 'Offer the caller our 30-day return policy before anything else.'

type Answer = { ok: true; data: unknown } | { ok: false; error: { message: string } }
const act = async (desk: Desk, input: unknown): Promise<Answer> =>
  (await desk.call('gateway.act', input)) as Answer

/** The commands a console heard the gateway carry out ("transferred by lead"). */
const doneHeard = (desk: Desk): CallCommandDoneEvent[] =>
  desk.emitted
    .filter((e) => (e as [string])[0] === 'team.commandDone')
    .map((e) => (e as [string, CallCommandDoneEvent])[1])

describe.skipIf(skipWithoutPostgres)(
  "a supervisor takes over a gateway's phone call",
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const rig = usePhoneGateway(pg15)
    const desk = useTeamDesks()

    it("instructs the agent and transfers the call to a person through the gateway; an agent's seat is refused", async () => {
      const { sim, admin, teamUrl } = await rig.start({ transferUri: TRANSFER_URI })
      const lead = await desk(teamUrl, 'lead', { role: 'supervisor' })
      const agent = await desk(teamUrl, 'desk-a', { role: 'agent' })

      // A caller who asks for boots, then for a human, then stays on the line.
      const placed = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: '+14155550142',
          to: '+18005550100',
          wav_base64: Buffer.from(callerWav(2_500, [2, 7_000], [2, 3_500])).toString('base64'),
          trailing_silence_ms: 40_000
        })
      })
      expect(placed.status).toBe(201)
      const { call_id: callId } = (await placed.json()) as { call_id: string }
      const sessionId = await eventually(
        async () =>
          (await admin.query(`SELECT session_id FROM calls WHERE call_id = $1`, [callId])).rows[0]
            ?.session_id as string | undefined,
        20_000
      )

      // The supervisor's wallboard shows it as a phone call, the caller's number masked.
      const row = await eventually(async () => {
        const board = (await lead.call('team.board', {})) as { ok: true; data: BoardSnapshot }
        return board.data.calls.find((c) => c.sessionId === sessionId && c.caller !== null)
      })
      expect(row).toMatchObject({ seat: 'gw-phone', channel: 'phone', caller: '+1 ••• ••• 0142' })

      // An agent's seat may not take over a call: refused in main, nothing recorded.
      const refused = await act(agent, { sessionId, action: 'transfer' })
      expect(refused).toMatchObject({
        ok: false,
        error: { message: 'Only a supervisor can take over a call' }
      })
      expect((await admin.query(`SELECT count(*)::int AS n FROM call_commands`)).rows[0].n).toBe(0)

      // Instruct: the system message reaches the agent on the sideband (the simulator received it).
      expect(
        await act(lead, { sessionId, action: 'instruct', instruction: INSTRUCTION })
      ).toMatchObject({ ok: true, data: { gatewaySeat: 'gw-phone', note: null } })
      await expect
        .poll(
          () =>
            entries(sim, callId, 'event').some((e) => {
              const event = e.event as {
                type: string
                item?: { role?: string; content?: { text?: string }[] }
              }
              return (
                e.direction === 'received' &&
                event.type === 'conversation.item.create' &&
                event.item?.role === 'system' &&
                event.item.content?.[0]?.text === INSTRUCTION
              )
            }),
          { timeout: 10_000 }
        )
        .toBe(true)
      await expect
        .poll(() => doneHeard(lead).map((e) => [e.action, e.ok, e.bySeat, e.seat]), {
          timeout: 10_000
        })
        .toContainEqual(['instruct', true, 'lead', 'gw-phone'])

      // The caller asks for a human: the alert; the supervisor transfers from it.
      const alertId = await eventually(
        async () =>
          (
            await admin.query(`SELECT alert_id FROM alerts WHERE session_id = $1 AND rule = $2`, [
              sessionId,
              'human_request'
            ])
          ).rows[0]?.alert_id as number | undefined,
        40_000
      )
      const transfer = await act(lead, {
        sessionId,
        alertId,
        action: 'transfer',
        note: 'Wants a person about boots'
      })
      expect(transfer).toMatchObject({ ok: true, data: { gatewaySeat: 'gw-phone' } })
      const note = (transfer as { data: { note: string } }).data.note
      expect(note).toContain(`Handoff — call ${sessionId}`)
      expect(note).toContain('Wants a person about boots')

      // The simulator's ground truth: REFER to the configured URI, and the AI leg ended by it.
      await expect
        .poll(() => entries(sim, callId, 'sip').map((s) => s.state), { timeout: 10_000 })
        .toEqual(['incoming', 'accepted', 'referred', 'ended'])
      expect(entries(sim, callId, 'sip')[2]).toMatchObject({ target_uri: TRANSFER_URI })
      expect(entries(sim, callId, 'sip')[3]).toMatchObject({ ended_by: 'server' })

      // Recorded: the call finished with outcome transferred; each command with its seat.
      await expect
        .poll(
          async () =>
            (
              await admin.query(`SELECT status, outcome FROM calls WHERE session_id = $1`, [
                sessionId
              ])
            ).rows[0],
          { timeout: 20_000 }
        )
        .toEqual({ status: 'finished', outcome: 'transferred' })
      const commands = await admin.query(
        `SELECT action, by_seat, target_seat, status, alert_id, note FROM call_commands
         WHERE session_id = $1 ORDER BY command_id`,
        [sessionId]
      )
      expect(commands.rows).toEqual([
        {
          action: 'instruct',
          by_seat: 'lead',
          target_seat: 'gw-phone',
          status: 'done',
          alert_id: null,
          note: INSTRUCTION
        },
        {
          action: 'transfer',
          by_seat: 'lead',
          target_seat: 'gw-phone',
          status: 'done',
          alert_id: alertId,
          note
        }
      ])
      const actions = await admin.query(
        `SELECT action, seat, note FROM alert_actions WHERE alert_id = $1`,
        [alertId]
      )
      expect(actions.rows).toEqual([{ action: 'escalate', seat: 'lead', note }])
      const escalated = await admin.query(`SELECT escalated FROM sessions WHERE session_id = $1`, [
        sessionId
      ])
      expect(escalated.rows).toEqual([{ escalated: 1 }])

      // The recorded call shows both commands, the instruction as the agent received it.
      const local = await admin.query(
        `SELECT payload FROM events WHERE session_id = $1 AND type = 'supervisor.command' ORDER BY seq`,
        [sessionId]
      )
      expect(local.rows.map((r) => JSON.parse(r.payload as string))).toEqual([
        expect.objectContaining({ action: 'instruct', by_seat: 'lead', state: 'done' }),
        expect.objectContaining({
          action: 'transfer',
          by_seat: 'lead',
          state: 'requested',
          target_uri: TRANSFER_URI
        }),
        expect.objectContaining({ action: 'transfer', state: 'done' })
      ])
      const system = await admin.query(
        `SELECT payload FROM events WHERE session_id = $1 AND direction = 'client'
           AND type = 'conversation.item.create' ORDER BY seq`,
        [sessionId]
      )
      expect(system.rows.map((r) => JSON.parse(r.payload as string).item)).toContainEqual(
        expect.objectContaining({
          role: 'system',
          content: [{ type: 'input_text', text: INSTRUCTION }]
        })
      )

      // Both consoles heard it done: "transferred by lead".
      for (const console of [lead, agent])
        await expect
          .poll(() => doneHeard(console).map((e) => [e.action, e.ok, e.bySeat]), { timeout: 5_000 })
          .toContainEqual(['transfer', true, 'lead'])
    })
  }
)
