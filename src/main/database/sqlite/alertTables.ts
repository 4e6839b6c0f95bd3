import type { Synchronous } from './Synchronous'
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { AlertActionRecord, AlertActionsQuery } from '../../../shared/escalation/alertRecords'
import type { AlertStatus } from '../../../shared/escalation/alertRecords'
import { RULE_IDS } from '../../../shared/escalation/rules'
import { columnsOf } from '../rowValues'
import { toActionRow, toAlertRow } from '../rowMappers'
import type { AlertSummary } from '../../../shared/sessions/alertSummary'
import { alertSummarySql, toAlertSummary } from '../sessionMarksRows'
import type { AlertActionRow, AlertActionsTable, AlertRow, AlertsTable } from '../SessionDatabase'
import type { NewAlert, NewAlertAction } from '../SessionDatabase'

// Alerts raised by live calls, and every supervisor action on them with who and when.

/** Where the call that raised the alert stands (a key lookup per alert). */
const CALL_STATUS =
  '(SELECT status FROM calls c WHERE c.session_id = alerts.session_id) AS call_status'
const alerts = columnsOf('alerts')
const actions = columnsOf('alert_actions')

export class SqliteAlertsTable implements Synchronous<AlertsTable> {
  constructor(private readonly db: DatabaseSync) {}

  insert(alert: NewAlert): number {
    const result = this.db
      .prepare(
        `INSERT INTO alerts (alert_id, session_id, rule, severity, raised_at, evidence)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(
        alert.alertId ?? null,
        alert.sessionId,
        alert.rule,
        alert.severity,
        alert.raisedAt,
        alert.evidence
      )
    return Number(result.lastInsertRowid)
  }

  nextId(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(alert_id), 0) + 1 AS id FROM alerts').get()
    return row ? alerts.number(row, 'id') : 1
  }

  reserveId(): number {
    return this.nextId()
  }

  list(statuses: readonly AlertStatus[], limit: number): AlertRow[] {
    const where =
      statuses.length > 0 ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : ''
    return this.db
      .prepare(
        `SELECT alerts.*, ${CALL_STATUS} FROM alerts ${where} ORDER BY alert_id DESC LIMIT ?`
      )
      .all(...statuses, limit)
      .map(toAlertRow)
  }

  get(alertId: number): AlertRow | null {
    const row = this.db
      .prepare(`SELECT alerts.*, ${CALL_STATUS} FROM alerts WHERE alert_id = ?`)
      .get(alertId)
    return row ? toAlertRow(row) : null
  }

  forSession(sessionId: string): AlertRow[] {
    return this.db
      .prepare(`SELECT alerts.*, ${CALL_STATUS} FROM alerts WHERE session_id = ? ORDER BY alert_id`)
      .all(sessionId)
      .map(toAlertRow)
  }

  setStatus(
    alertId: number,
    status: AlertStatus,
    by: string,
    at: string,
    note: string | null
  ): void {
    this.db
      .prepare(
        'UPDATE alerts SET status = ?, action_by = ?, action_at = ?, action_note = ? WHERE alert_id = ?'
      )
      .run(status, by, at, note, alertId)
  }

  anyEscalated(sessionId: string): boolean {
    return (
      this.db
        .prepare("SELECT 1 FROM alerts WHERE session_id = ? AND status = 'escalated' LIMIT 1")
        .get(sessionId) !== undefined
    )
  }

  summaries(sessionIds: readonly string[]): AlertSummary[] {
    if (sessionIds.length === 0) return []
    return this.db
      .prepare(alertSummarySql(`session_id IN (${sessionIds.map(() => '?').join(', ')})`))
      .all(...sessionIds)
      .map(toAlertSummary)
  }
}

const DEFAULT_LIMIT = 1000

export class SqliteAlertActionsTable implements Synchronous<AlertActionsTable> {
  constructor(private readonly db: DatabaseSync) {}

  insert(action: NewAlertAction): void {
    this.db
      .prepare(
        `INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at, note)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(action.alertId, action.sessionId, action.action, action.by, action.at, action.note)
  }

  list(query: AlertActionsQuery): AlertActionRecord[] {
    const filters: [string, SQLInputValue | undefined][] = [
      ['x.alert_id = ?', query.alertId],
      ['x.session_id = ?', query.sessionId],
      ['x.action = ?', query.action]
    ]
    const used = filters.filter(([, value]) => value !== undefined)
    const where = used.map(([clause]) => clause)
    const params = used.map(([, value]) => value!)
    return this.db
      .prepare(
        `SELECT * FROM (
           SELECT x.*, a.rule FROM alert_actions x JOIN alerts a ON a.alert_id = x.alert_id
           ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY x.action_id DESC LIMIT ?
         ) ORDER BY action_id`
      )
      .all(...params, query.limit ?? DEFAULT_LIMIT)
      .map((row) => {
        const action = toActionRow(row)
        return {
          actionId: actions.number(row, 'action_id'),
          alertId: action.alert_id,
          sessionId: actions.text(row, 'session_id'),
          rule: actions.oneOf(row, 'rule', RULE_IDS),
          action: action.action,
          actionBy: action.action_by,
          actionAt: action.action_at,
          note: action.note
        }
      })
  }

  forSession(sessionId: string): AlertActionRow[] {
    return this.db
      .prepare(
        `SELECT alert_id, action, action_by, action_at, note FROM alert_actions
         WHERE session_id = ? ORDER BY action_at, action_id`
      )
      .all(sessionId)
      .map(toActionRow)
  }
}
