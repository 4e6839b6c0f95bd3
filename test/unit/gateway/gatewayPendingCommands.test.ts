import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { CallCommandDoneEvent } from '../../../src/shared/team/teamEvents'
import { freePort } from '../../../tools/postgres/localPostgres'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useTempDir } from '../../support/tempDir'
import { eventually, useTeamDesks, type Desk } from '../team/support/teamDesks'
import { useGateways } from './support/gatewayRig'
import {
  greetingRecorded,
  placeCall,
  simulator,
  startInstanceA,
  useClosers
} from './support/instanceRig'
import { API_KEY, callerWav, entries, WEBHOOK_SECRET } from './support/phoneCallRig'

const TRANSFER_URI = 'sip:support-queue@pbx.outdoorgear.example'
const INSTRUCTION = 'Tell the caller a person will call back within the hour.'

const doneHeard = (desk: Desk): CallCommandDoneEvent[] =>
  desk.emitted
    .filter((e) => (e as [string])[0] === 'team.commandDone')
    .map((e) => (e as [string, CallCommandDoneEvent])[1])

// Real servers, real time: a supervisor acts on a call whose instance has just died.
describe.skipIf(skipWithoutPostgres)(
  'gateway: commands addressed to a dead instance',
  { timeout: 120_000 },
  () => {
    const pg15 = usePostgres()
    const gateways = useGateways(pg15)
    const tmp = useTempDir()
    const desk = useTeamDesks()
    const closers = useClosers()

    it('are carried out, in order, by the instance that takes the call over; one the dead instance had begun is failed', async () => {
      const url = await pg15.freshUrl()
      const portA = await freePort()
      const sim = await simulator(portA)
      closers.push(() => sim.close())
      const a = await startInstanceA(
        closers,
        tmp.path(),
        { url, port: portA, simUrl: sim.url },
        { transferUri: TRANSFER_URI }
      )
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      closers.push(() => admin.end())
      const lead = await desk(`${url}?sslmode=disable`, 'lead', { role: 'supervisor' })

      // A long call (the caller stays on the line): only the transfer ends it.
      const callId = await placeCall(sim.url, callerWav(2_000, [2, 40_000]))
      await greetingRecorded(admin)
      const sessionId = (await admin.query(`SELECT session_id FROM calls`)).rows[0]
        .session_id as string
      a.child.kill('SIGKILL')
      await a.exited

      // While no instance holds the call, a supervisor instructs the agent, then transfers: both
      // addressed to gw-a, the seat on the call's row. A stop gw-a had taken is left running.
      const begun = await admin.query(
        `INSERT INTO call_commands (session_id, target_seat, action, note, alert_id, by_seat, at, status)
         VALUES ($1, 'gw-a', 'stop_agent', NULL, NULL, 'lead', $2, 'running') RETURNING command_id`,
        [sessionId, new Date().toISOString()]
      )
      const act = (input: unknown) => lead.call('gateway.act', input)
      expect(await act({ sessionId, action: 'instruct', instruction: INSTRUCTION })).toMatchObject({
        ok: true,
        data: { gatewaySeat: 'gw-a' }
      })
      expect(await act({ sessionId, action: 'transfer', note: 'Call back' })).toMatchObject({
        ok: true,
        data: { gatewaySeat: 'gw-a' }
      })
      const pending = await admin.query(`SELECT status FROM call_commands ORDER BY command_id`)
      expect(pending.rows.map((r) => r.status)).toEqual(['running', 'sent', 'sent'])

      // B starts, takes the call over and carries both out: the instruction reaches the agent
      // before the transfer ends the call.
      const b = await gateways.start(url, {
        instance: 'gw-b',
        realtimeBaseUrl: sim.url,
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET,
        transferUri: TRANSFER_URI
      })
      await expect
        .poll(() => entries(sim, callId, 'sip').map((s) => s.state), { timeout: 20_000 })
        .toEqual(['incoming', 'accepted', 'referred', 'ended'])
      expect(entries(sim, callId, 'sip')[2]).toMatchObject({ target_uri: TRANSFER_URI })
      const attachedB = entries(sim, callId, 'sideband')[2]!.at_ms
      const instructedAt = entries(sim, callId, 'event').find((e) => {
        const event = e.event as { type: string; item?: { content?: { text?: string }[] } }
        return (
          e.direction === 'received' &&
          event.type === 'conversation.item.create' &&
          event.item?.content?.[0]?.text === INSTRUCTION
        )
      })?.at_ms
      expect(instructedAt).toBeGreaterThan(attachedB)
      expect(instructedAt).toBeLessThanOrEqual(entries(sim, callId, 'sip')[2]!.at_ms)

      await expect
        .poll(
          async () =>
            (
              await admin.query(`SELECT status, outcome, seat FROM calls WHERE session_id = $1`, [
                sessionId
              ])
            ).rows[0],
          { timeout: 20_000 }
        )
        .toEqual({ status: 'finished', outcome: 'transferred', seat: 'gw-b' })
      const commands = await admin.query(
        `SELECT action, target_seat, status, result FROM call_commands ORDER BY command_id`
      )
      expect(commands.rows).toEqual([
        {
          action: 'stop_agent',
          target_seat: 'gw-a',
          status: 'failed',
          result: 'gw-a was lost while carrying it out; it may not have been carried out'
        },
        { action: 'instruct', target_seat: 'gw-a', status: 'done', result: null },
        { action: 'transfer', target_seat: 'gw-a', status: 'done', result: null }
      ])
      expect(b.lines).toContainEqual(expect.stringMatching(/addressed to gw-a, carried out here/))
      // The supervisor's console heard each answer.
      await expect
        .poll(() => doneHeard(lead).map((e) => [e.commandId, e.action, e.ok]), { timeout: 5_000 })
        .toEqual([
          [Number(begun.rows[0].command_id), 'stop_agent', false],
          [expect.any(Number), 'instruct', true],
          [expect.any(Number), 'transfer', true]
        ])
      await eventually(async () =>
        b.lines.some((l) => l.includes('recorded as session')) ? true : undefined
      )
    })
  }
)
