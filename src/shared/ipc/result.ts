import type { IpcIssue } from './ipcIssue'

export interface IpcFailure {
  code: 'forbidden' | 'unknown_route' | 'invalid_input' | 'invalid_output' | 'failed'
  message: string
  issues?: IpcIssue[]
}

/** Errors cross IPC as data: a thrown error would reach the renderer as a bare string. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcFailure }

/**
 * The fixed sentences main throws for the user to read. A `failed` message (or an index error)
 * equal to one of them is worded by the UI in its language under `errors:ipc.failed.<reason>`;
 * any other message (a wrapped library or network error) is shown as main wrote it.
 */
export const FAILED_REASONS = {
  fileNoLongerSelected: 'That file is no longer selected: choose it again',
  // Thrown by OpenAIEmbeddings; also shown as the index's error on the Catalog screen.
  noOpenAiKey: 'No OpenAI API key is set: add one in Settings, or use the offline provider.',
  // The team database refused an og_agent login's write to escalation_rules (EscalationRulesStore).
  supervisorOnlyRules: "Only a supervisor can change the team's escalation rules",
  // gateway.act from a console whose seat is not a supervisor's (GatewayCommands).
  supervisorOnlyCallActions: 'Only a supervisor can take over a call',
  // gateway.act on a call that is not running at a call gateway (ended, or a desk's own call).
  notAGatewayCall: 'That call is no longer running at the call gateway',
  // gateway.engine.set from a seat that is not a supervisor's, or refused by the database's grants.
  supervisorOnlyGatewayEngine: "Only a supervisor can change the gateways' voice engine",
  // gateway.engine.set on a console that does not record on the team database.
  teamModeOnlyGatewayEngine:
    "The gateways' voice engine is a team setting: switch to team mode first",
  // team.followCall on a session that is not a recorded call (an imported one), or outside team mode.
  notARecordedCall: 'That call is not recorded on the team database',
  // A request met the team database away (failureMessage, on any lost connection).
  teamDatabaseAway:
    'The team database cannot be reached: nothing was changed. Try again when it is back; calls keep recording on this computer meanwhile.'
} as const
export type FailedReason = keyof typeof FAILED_REASONS

/** Which fixed sentence a `failed` message is, if it is one. */
export const failedReasonOf = (message: string): FailedReason | undefined =>
  (Object.keys(FAILED_REASONS) as FailedReason[]).find((r) => FAILED_REASONS[r] === message)
