import type { DatabaseSync } from 'node:sqlite'
import { toCallCommandRow } from '../callCommandRows'
import type { Row } from '../rowValues'
import type { CallCommandRow, CallCommandsTable, NewCallCommand } from '../SessionDatabase'
import type { Synchronous } from './Synchronous'

/** Supervisors' commands to gateway calls (schema v8), as the PostgreSQL backend keeps them. */
export class SqliteCallCommandsTable implements Synchronous<CallCommandsTable> {
  constructor(private readonly db: DatabaseSync) {}

  insert(command: NewCallCommand): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO call_commands (session_id, target_seat, action, note, alert_id, by_seat, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        command.sessionId,
        command.targetSeat,
        command.action,
        command.note,
        command.alertId,
        command.bySeat,
        command.at
      )
    return Number(lastInsertRowid)
  }

  get(commandId: number): CallCommandRow | null {
    const row = this.db.prepare('SELECT * FROM call_commands WHERE command_id = ?').get(commandId)
    return row ? toCallCommandRow(row as Row) : null
  }

  start(commandId: number): boolean {
    const { changes } = this.db
      .prepare(
        `UPDATE call_commands SET status = 'running' WHERE command_id = ? AND status = 'sent'`
      )
      .run(commandId)
    return Number(changes) === 1
  }

  finish(commandId: number, status: 'done' | 'failed', at: string, result: string | null): void {
    this.db
      .prepare('UPDATE call_commands SET status = ?, done_at = ?, result = ? WHERE command_id = ?')
      .run(status, at, result, commandId)
  }

  forSession(sessionId: string): CallCommandRow[] {
    return this.db
      .prepare('SELECT * FROM call_commands WHERE session_id = ? ORDER BY command_id')
      .all(sessionId)
      .map((row) => toCallCommandRow(row as Row))
  }
}
