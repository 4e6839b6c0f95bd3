import { toCallCommandRow } from '../callCommandRows'
import type { CallCommandRow, CallCommandsTable, NewCallCommand } from './asyncSeam'
import type { Sql } from './sql'

/** Supervisors' commands to gateway calls (schema v4). */
export class PostgresCallCommandsTable implements CallCommandsTable {
  constructor(private readonly sql: Sql) {}

  async insert(command: NewCallCommand): Promise<number> {
    const rows = await this.sql.rows(
      `INSERT INTO call_commands (session_id, target_seat, action, note, alert_id, by_seat, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING command_id`,
      [
        command.sessionId,
        command.targetSeat,
        command.action,
        command.note,
        command.alertId,
        command.bySeat,
        command.at
      ]
    )
    return Number(rows[0]!['command_id'])
  }

  async get(commandId: number): Promise<CallCommandRow | null> {
    const rows = await this.sql.rows('SELECT * FROM call_commands WHERE command_id = $1', [
      commandId
    ])
    return rows[0] ? toCallCommandRow(rows[0]) : null
  }

  /** One statement: of instances taking the same command at once, one changes the row. */
  async start(commandId: number): Promise<boolean> {
    const changed = await this.sql.run(
      `UPDATE call_commands SET status = 'running' WHERE command_id = $1 AND status = 'sent'`,
      [commandId]
    )
    return changed === 1
  }

  async finish(
    commandId: number,
    status: 'done' | 'failed',
    at: string,
    result: string | null
  ): Promise<void> {
    await this.sql.run(
      'UPDATE call_commands SET status = $1, done_at = $2, result = $3 WHERE command_id = $4',
      [status, at, result, commandId]
    )
  }

  async forSession(sessionId: string): Promise<CallCommandRow[]> {
    const rows = await this.sql.rows(
      'SELECT * FROM call_commands WHERE session_id = $1 ORDER BY command_id',
      [sessionId]
    )
    return rows.map(toCallCommandRow)
  }
}
