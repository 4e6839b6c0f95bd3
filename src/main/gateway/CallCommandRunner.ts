import type { CallOutcomeKind } from '../../shared/gateway/callCommands'
import type { SupervisorCommandObservation } from '../../shared/live-call/callEvents'
import type { CallCommandEvent, TeamEvent } from '../../shared/team/teamEvents'
import type { CallCommandRow, SessionDatabase } from '../database/SessionDatabase'
import type { TeamLive } from '../team/TeamLive'
import type { HeldCall, GatewayCalls } from './GatewayCalls'

export interface CallCommandRunnerOptions {
  instance: string
  /** Where a transfer goes (`--transfer-uri`); null: transfers are refused. */
  transferUri: string | null
  database: SessionDatabase
  calls: GatewayCalls
  channel: { onEvent(listener: (event: TeamEvent) => void): () => void }
  live: TeamLive
  log: (line: string) => void
  now?: () => number
}

const OUTCOME: Partial<Record<CallCommandRow['action'], CallOutcomeKind>> = {
  transfer: 'transferred',
  end_call: 'ended_by_supervisor'
}

/**
 * Supervisors' commands to the calls this instance holds. Each `call.command` for this seat is
 * read back from call_commands (the wire names it; the stored row, which only a supervisor's
 * login may insert, is the order), taken once (sent → running), carried out on the sideband
 * (instruct, stop) or through the call's engine (refer to `--transfer-uri`, hang up), recorded
 * with the call, marked done or failed, and acknowledged on the team channel.
 */
export class CallCommandRunner {
  private readonly unsubscribe: () => void
  private readonly now: () => number

  constructor(private readonly options: CallCommandRunnerOptions) {
    this.now = options.now ?? Date.now
    this.unsubscribe = options.channel.onEvent((event) => {
      if (event.type === 'call.command' && event.seat === options.instance)
        this.run(event).catch((error: unknown) =>
          options.log(`command ${event.commandId}: not carried out (${String(error)})`)
        )
    })
  }

  close(): void {
    this.unsubscribe()
  }

  private async run(event: CallCommandEvent): Promise<void> {
    const { database, calls, log } = this.options
    const command = await database.callCommands.get(event.commandId)
    if (!command || command.targetSeat !== this.options.instance) return
    if (!(await database.callCommands.start(command.commandId))) return
    const held = calls.held(command.sessionId)
    let failure: string | null
    try {
      failure = held
        ? await held.track(this.carryOut(command, held))
        : 'the call is no longer held by this gateway'
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    held?.sideband.note(this.observation(command, failure === null ? 'done' : 'failed', failure))
    const at = new Date(this.now()).toISOString()
    await database.callCommands.finish(command.commandId, failure ? 'failed' : 'done', at, failure)
    log(
      `command ${command.commandId} (${command.action} by ${command.bySeat}) on ${command.sessionId}: ${failure ?? 'done'}`
    )
    this.options.live.commandDone({
      commandId: command.commandId,
      sessionId: command.sessionId,
      action: command.action,
      bySeat: command.bySeat,
      ok: failure === null,
      reason: failure,
      at
    })
  }

  /** Null when done; otherwise why not. */
  private async carryOut(command: CallCommandRow, held: HeldCall): Promise<string | null> {
    const { database, transferUri } = this.options
    switch (command.action) {
      case 'instruct':
        if (!command.note) return 'no instruction was given'
        return held.sideband.instruct(command.note) ? null : 'the call is over'
      case 'stop_agent':
        return held.sideband.stopSpeaking()
      case 'transfer':
        if (!transferUri) return 'this gateway has no --transfer-uri'
        if (held.channel !== 'phone') return 'only a phone call can be transferred'
        held.sideband.note(this.observation(command, 'requested', null))
        await held.refer(transferUri)
        break
      case 'end_call':
        held.sideband.note(this.observation(command, 'requested', null))
        await held.hangUp()
        break
    }
    const outcome = OUTCOME[command.action]
    if (outcome) await database.calls.setOutcome(command.sessionId, outcome)
    return null
  }

  private observation(
    command: CallCommandRow,
    state: SupervisorCommandObservation['state'],
    reason: string | null
  ): SupervisorCommandObservation {
    return {
      type: 'supervisor.command',
      command_id: command.commandId,
      action: command.action,
      by_seat: command.bySeat,
      state,
      ...(command.action === 'transfer' && this.options.transferUri
        ? { target_uri: this.options.transferUri }
        : {}),
      ...(reason ? { reason } : {})
    }
  }
}
