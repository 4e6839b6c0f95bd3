import type { AlertAction, StoredAlert } from '../../shared/escalation/alertRecords'
import type { GatewayCallAction, GatewayCallActed } from '../../shared/gateway/callCommands'
import { FAILED_REASONS } from '../../shared/ipc/result'
import type { SessionDatabase } from '../database/SessionDatabase'
import type { AlertStore } from '../escalation/AlertStore'
import type { TeamLive } from './TeamLive'

export interface GatewayCommandsDeps {
  database: SessionDatabase
  alerts: AlertStore
  /** This console's seat and role in team mode (read at each use: Settings may change them). */
  identity: () => { seat: string; role: 'agent' | 'supervisor' }
  /** The team channel; null when this run does not record on the team database. */
  live: () => TeamLive | null
  /** An action logged on an alert: the windows' lists and the other desks follow. */
  onAlertActed: (alert: StoredAlert, action: AlertAction) => void
  now?: () => number
}

/** The alert action a command is logged as: a transfer is the escalation, with its handoff note. */
function alertActionOf(input: GatewayCallAction, alertId: number): AlertAction {
  switch (input.action) {
    case 'instruct':
      return { alertId, action: 'instruct', instruction: input.instruction }
    case 'transfer':
      return { alertId, action: 'escalate', ...(input.note ? { note: input.note } : {}) }
    default:
      return { alertId, action: input.action }
  }
}

/**
 * A supervisor's console taking over a call the call gateway carries. The console never talks to
 * the gateway: the command is stored (call_commands, with the seat; alert_actions too when taken
 * from an alert) and announced on the team channel; the gateway holding the call reads it back
 * and carries it out. Only a supervisor's seat may: checked here and, on the team database, by
 * the grants (an agent's login may not insert a command).
 */
export class GatewayCommands {
  constructor(private readonly deps: GatewayCommandsDeps) {}

  async act(input: GatewayCallAction): Promise<GatewayCallActed> {
    const { seat, role } = this.deps.identity()
    if (role !== 'supervisor') throw new Error(FAILED_REASONS.supervisorOnlyCallActions)
    const live = this.deps.live()
    const call = await this.deps.database.calls.get(input.sessionId)
    if (!live || !call || call.status !== 'active' || call.channel === 'desk' || !call.seat)
      throw new Error(FAILED_REASONS.notAGatewayCall)
    const note = await this.noteOf(input)
    const at = new Date((this.deps.now ?? Date.now)()).toISOString()
    const commandId = await this.deps.database.callCommands.insert({
      sessionId: input.sessionId,
      targetSeat: call.seat,
      action: input.action,
      note,
      alertId: input.alertId ?? null,
      bySeat: seat,
      at
    })
    live.commandGiven({
      commandId,
      sessionId: input.sessionId,
      seat: call.seat,
      action: input.action,
      at
    })
    return { commandId, gatewaySeat: call.seat, note: input.action === 'transfer' ? note : null }
  }

  /**
   * What the gateway needs besides the action: the instruction, or the handoff note a transfer
   * carries (the escalation's note when taken from an unsettled alert: logged there as well).
   */
  private async noteOf(input: GatewayCallAction): Promise<string | null> {
    const { alerts } = this.deps
    const alert = input.alertId === undefined ? null : await alerts.get(input.alertId)
    if (alert && alert.sessionId !== input.sessionId)
      throw new Error(`Alert ${alert.alertId} is not about call ${input.sessionId}`)
    const unsettled = alert?.status === 'open' || alert?.status === 'acknowledged'
    // Instruct, stop and end are logged on any alert; an escalation only on an unsettled one.
    if (alert && (input.action !== 'transfer' || unsettled)) {
      const action = alertActionOf(input, alert.alertId)
      const updated = await alerts.act(action, this.deps.identity().seat)
      this.deps.onAlertActed(updated, action)
      if (input.action === 'transfer') return updated.actionNote
    }
    if (input.action === 'instruct') return input.instruction
    if (input.action === 'transfer') return alerts.handoffNote(input.sessionId, input.note)
    return null
  }
}
