import type { AlertActionRecord, AlertActionsQuery } from '../../../shared/escalation/alertRecords'
import type { AlertStatus } from '../../../shared/escalation/alertRecords'
import { RULE_IDS } from '../../../shared/escalation/rules'
import { toActionRow, toAlertRow } from '../rowMappers'
import { columnsOf } from '../rowValues'
import type { AlertActionRow, AlertActionsTable, AlertRow, AlertsTable } from './asyncSeam'
import type { NewAlert, NewAlertAction } from './asyncSeam'
import { Params, where } from './sessionWhere'
import type { Sql } from './sql'
import type { AlertSummary } from '../../../shared/sessions/alertSummary'
import { alertSummarySql, toAlertSummary } from '../sessionMarksRows'

// Alerts raised by live calls, and every supervisor action on them with who and when.

const alerts = columnsOf('alerts')
const SEQUENCE = 'alerts_alert_id_seq'
/** The seat of the desk whose call raised the alert, and where the call stands (key lookups). */
const CALL_SEAT = `(SELECT seat FROM calls c WHERE c.session_id = alerts.session_id) AS seat,
  (SELECT status FROM calls c WHERE c.session_id = alerts.session_id) AS call_status`

export class PostgresAlertsTable implements AlertsTable {
  constructor(private readonly sql: Sql) {}

  /**
   * Ids come from a sequence, so desks inserting at once never collide. An id chosen by the
   * writer (a queued alert) moves the sequence past it, so later ids stay unique.
   */
  async insert(alert: NewAlert): Promise<number> {
    return this.sql.atomic(async (sql) => {
      const rows = await sql.rows(
        `INSERT INTO alerts (alert_id, session_id, rule, severity, raised_at, evidence)
         VALUES (COALESCE($1::int, nextval('${SEQUENCE}')::int), $2, $3, $4, $5, $6)
         RETURNING alert_id`,
        [
          alert.alertId ?? null,
          alert.sessionId,
          alert.rule,
          alert.severity,
          alert.raisedAt,
          alert.evidence
        ]
      )
      // Only when the id is past the sequence (never for ids reserveId took from it): setval
      // needs UPDATE on the sequence, which a desk's og_agent login has not, and reading the
      // sequence itself needs SELECT; pg_sequences shows last_value to USAGE.
      if (alert.alertId !== undefined)
        await sql.run(
          `SELECT setval('${SEQUENCE}', $1::int) FROM pg_sequences
            WHERE schemaname = current_schema() AND sequencename = '${SEQUENCE}'
              AND COALESCE(last_value, 0) < $1::int`,
          [alert.alertId]
        )
      return alerts.number(rows[0]!, 'alert_id')
    })
  }

  /** The sequence's next value, unconsumed (another desk may take it first: see README). */
  async nextId(): Promise<number> {
    // pg_sequences, not the sequence itself: USAGE (every desk's login) is enough to read it.
    const rows = await this.sql.rows(
      `SELECT COALESCE(last_value + 1, start_value) AS id FROM pg_sequences
        WHERE schemaname = current_schema() AND sequencename = '${SEQUENCE}'`
    )
    return rows[0] ? alerts.number(rows[0], 'id') : 1
  }

  /** Consumed from the sequence: other desks' inserts never take it (a queued alert's id). */
  async reserveId(): Promise<number> {
    const rows = await this.sql.rows(`SELECT nextval('${SEQUENCE}')::int AS id`)
    return alerts.number(rows[0]!, 'id')
  }

  async list(statuses: readonly AlertStatus[], limit: number): Promise<AlertRow[]> {
    const params = new Params()
    const conditions = statuses.length > 0 ? [`status = ANY(${params.add(statuses)}::text[])`] : []
    const rows = await this.sql.rows(
      `SELECT *, ${CALL_SEAT} FROM alerts${where(conditions)} ORDER BY alert_id DESC LIMIT ${params.add(limit)}`,
      params.values
    )
    return rows.map(toAlertRow)
  }

  async get(alertId: number): Promise<AlertRow | null> {
    const rows = await this.sql.rows(`SELECT *, ${CALL_SEAT} FROM alerts WHERE alert_id = $1`, [
      alertId
    ])
    return rows[0] ? toAlertRow(rows[0]) : null
  }

  async forSession(sessionId: string): Promise<AlertRow[]> {
    const rows = await this.sql.rows(
      `SELECT *, ${CALL_SEAT} FROM alerts WHERE session_id = $1 ORDER BY alert_id`,
      [sessionId]
    )
    return rows.map(toAlertRow)
  }

  async setStatus(
    alertId: number,
    status: AlertStatus,
    by: string,
    at: string,
    note: string | null
  ): Promise<void> {
    await this.sql.run(
      'UPDATE alerts SET status = $1, action_by = $2, action_at = $3, action_note = $4 WHERE alert_id = $5',
      [status, by, at, note, alertId]
    )
  }

  async anyEscalated(sessionId: string): Promise<boolean> {
    const rows = await this.sql.rows(
      "SELECT 1 FROM alerts WHERE session_id = $1 AND status = 'escalated' LIMIT 1",
      [sessionId]
    )
    return rows.length > 0
  }

  async summaries(sessionIds: readonly string[]): Promise<AlertSummary[]> {
    if (sessionIds.length === 0) return []
    const rows = await this.sql.rows(alertSummarySql('session_id = ANY($1::text[])'), [
      [...sessionIds]
    ])
    return rows.map(toAlertSummary)
  }
}

const actions = columnsOf('alert_actions')
const DEFAULT_LIMIT = 1000

export class PostgresAlertActionsTable implements AlertActionsTable {
  constructor(private readonly sql: Sql) {}

  async insert(action: NewAlertAction): Promise<void> {
    await this.sql.run(
      `INSERT INTO alert_actions (alert_id, session_id, action, action_by, action_at, note, seat)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        action.alertId,
        action.sessionId,
        action.action,
        action.by,
        action.at,
        action.note,
        action.seat ?? null
      ]
    )
  }

  async list(query: AlertActionsQuery): Promise<AlertActionRecord[]> {
    const params = new Params()
    const conditions: string[] = []
    if (query.alertId !== undefined) conditions.push(`x.alert_id = ${params.add(query.alertId)}`)
    if (query.sessionId !== undefined)
      conditions.push(`x.session_id = ${params.add(query.sessionId)}`)
    if (query.action !== undefined) conditions.push(`x.action = ${params.add(query.action)}`)
    const rows = await this.sql.rows(
      `SELECT * FROM (
         SELECT x.*, a.rule FROM alert_actions x JOIN alerts a ON a.alert_id = x.alert_id
         ${where(conditions)}
         ORDER BY x.action_id DESC LIMIT ${params.add(query.limit ?? DEFAULT_LIMIT)}
       ) latest ORDER BY action_id`,
      params.values
    )
    return rows.map((row) => {
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

  async forSession(sessionId: string): Promise<AlertActionRow[]> {
    const rows = await this.sql.rows(
      `SELECT alert_id, action, action_by, action_at, note FROM alert_actions
       WHERE session_id = $1 ORDER BY action_at, action_id`,
      [sessionId]
    )
    return rows.map(toActionRow)
  }
}
