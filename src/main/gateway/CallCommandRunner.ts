import type { CallOutcomeKind } from '../../shared/gateway/callCommands'
import type { SupervisorCommandObservation } from '../../shared/live-call/callEvents'
import type { TeamEvent } from '../../shared/team/teamEvents'
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
  /** Commands this instance has taken and not yet concluded. */
  private readonly underWay = new Set<number>()

  constructor(private readonly options: CallCommandRunnerOptions) {
    this.now = options.now ?? Date.now
    // Addressed here, or to the call's previous holder when this instance holds it now (the
    // console read the seat before a takeover moved it).
    this.unsubscribe = options.channel.onEvent((event) => {
      if (
        event.type === 'call.command' &&
        (event.seat === options.instance || options.calls.held(event.sessionId))
      )
        this.carry(event.commandId)
    })
    options.calls.whenTakenOver((sessionId) => this.takenOver(sessionId))
  }

  close(): void {
    this.unsubscribe()
  }

  /**
   * A call taken over from another instance: the commands stored for it and never taken (sent
   * to the previous holder after it died or let the call go) are carried out here, in order; one
   * the previous holder had taken and not finished (it died meanwhile) is failed, since whether
   * it was carried out cannot be known.
   */
  private async takenOver(sessionId: string): Promise<void> {
    const { database, log, instance } = this.options
    let commands: CallCommandRow[]
    try {
      commands = await database.callCommands.forSession(sessionId)
    } catch (error) {
      log(`call ${sessionId}: its pending commands not read (${String(error)})`)
      return
    }
    for (const command of commands) {
      if (command.status === 'sent') {
        log(`command ${command.commandId}: addressed to ${command.targetSeat}, carried out here`)
        await this.run(command.commandId).catch((error: unknown) =>
          log(`command ${command.commandId}: not carried out (${String(error)})`)
        )
      } else if (
        command.status === 'running' &&
        command.targetSeat !== instance &&
        !this.underWay.has(command.commandId)
      )
        await this.conclude(
          command,
          `${command.targetSeat} was lost while carrying it out; it may not have been carried out`
        )
    }
  }

  private carry(commandId: number): void {
    this.run(commandId).catch((error: unknown) =>
      this.options.log(`command ${commandId}: not carried out (${String(error)})`)
    )
  }

  private async run(commandId: number): Promise<void> {
    const { database, calls } = this.options
    const command = await database.callCommands.get(commandId)
    if (!command) return
    const held = calls.held(command.sessionId)
    // Neither addressed here nor held here: not this instance's to take.
    if (command.targetSeat !== this.options.instance && !held) return
    // Not held here, the call still running: it is being handed over; its next holder takes it.
    if (!held && (await database.calls.get(command.sessionId))?.status === 'active') return
    if (!(await database.callCommands.start(command.commandId))) return
    this.underWay.add(command.commandId)
    let failure: string | null
    try {
      failure = held
        ? await held.track(this.carryOut(command, held))
        : 'the call is no longer held by this gateway'
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    held?.sideband.note(this.observation(command, failure === null ? 'done' : 'failed', failure))
    try {
      await this.conclude(command, failure)
    } finally {
      this.underWay.delete(command.commandId)
    }
  }

  /** Done (null) or failed, stored and told to every console. */
  private async conclude(command: CallCommandRow, failure: string | null): Promise<void> {
    const { database, log } = this.options
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
