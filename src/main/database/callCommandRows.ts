import { CALL_COMMAND_ACTIONS, CALL_COMMAND_STATUSES } from '../../shared/gateway/callCommands'
import { columnsOf, type Row } from './rowValues'
import type { CallCommandRow } from './SessionDatabase'

const commands = columnsOf('call_commands')

/** A call_commands row, as both backends read it. */
export function toCallCommandRow(row: Row): CallCommandRow {
  return {
    commandId: commands.number(row, 'command_id'),
    sessionId: commands.text(row, 'session_id'),
    targetSeat: commands.text(row, 'target_seat'),
    action: commands.oneOf(row, 'action', CALL_COMMAND_ACTIONS),
    note: commands.textOrNull(row, 'note'),
    alertId: commands.numberOrNull(row, 'alert_id'),
    bySeat: commands.text(row, 'by_seat'),
    at: commands.text(row, 'at'),
    status: commands.oneOf(row, 'status', CALL_COMMAND_STATUSES),
    doneAt: commands.textOrNull(row, 'done_at'),
    result: commands.textOrNull(row, 'result')
  }
}
