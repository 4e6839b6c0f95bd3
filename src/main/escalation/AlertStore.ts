import type { DatabaseSync } from 'node:sqlite'
import type { AlertAction, AlertStatus, StoredAlert } from '../../shared/escalation/alertRecords'
import type { EscalationAlert } from '../../shared/escalation/escalationAlert'

interface AlertRow {
  alert_id: number
  session_id: string
  rule: string
  severity: string
  raised_at: string
  evidence: string
  status: string
  action_by: string | null
  action_at: string | null
  action_note: string | null
}

const STATUS_AFTER: Record<AlertAction['action'], AlertStatus> = {
  acknowledge: 'acknowledged',
  dismiss: 'dismissed',
  escalate: 'escalated'
}

/** Which states an action may start from: a dismissed or escalated alert is settled. */
const ACTIONABLE: readonly AlertStatus[] = ['open', 'acknowledged']

/** The alerts table: alerts raised by live calls, and every supervisor action with who/when. */
export class AlertStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number = Date.now
  ) {}

  /** Stores an alert the rules raised during a call; returns its id. */
  record(sessionId: string, alert: EscalationAlert): number {
    const evidence = JSON.stringify({ reason: alert.reason, t: alert.t, ...alert.evidence })
    const result = this.db
      .prepare(
        'INSERT INTO alerts (session_id, rule, severity, raised_at, evidence) VALUES (?, ?, ?, ?, ?)'
      )
      .run(sessionId, alert.rule, alert.severity, this.isoNow(), evidence)
    return Number(result.lastInsertRowid)
  }

  /** Newest first. */
  list(status: AlertStatus | undefined, limit: number): StoredAlert[] {
    const rows = (status
      ? this.db
          .prepare('SELECT * FROM alerts WHERE status = ? ORDER BY alert_id DESC LIMIT ?')
          .all(status, limit)
      : this.db
          .prepare('SELECT * FROM alerts ORDER BY alert_id DESC LIMIT ?')
          .all(limit)) as unknown as AlertRow[]
    return rows.map(toStoredAlert)
  }

  get(alertId: number): StoredAlert | null {
    const row = this.db.prepare('SELECT * FROM alerts WHERE alert_id = ?').get(alertId) as
      AlertRow | undefined
    return row ? toStoredAlert(row) : null
  }

  /**
   * Acknowledge, dismiss (with its reason) or escalate; escalating also marks the session
   * escalated. Refused for an unknown alert or one already dismissed or escalated.
   */
  act(input: AlertAction, by: string): StoredAlert {
    const current = this.get(input.alertId)
    if (!current) throw new Error(`No alert ${input.alertId}`)
    if (!ACTIONABLE.includes(current.status))
      throw new Error(`Alert ${input.alertId} is already ${current.status}`)
    const note =
      input.action === 'dismiss'
        ? [input.reason, input.note].filter(Boolean).join(' — ')
        : (input.note ?? null)
    this.db.exec('BEGIN')
    try {
      this.db
        .prepare(
          'UPDATE alerts SET status = ?, action_by = ?, action_at = ?, action_note = ? WHERE alert_id = ?'
        )
        .run(STATUS_AFTER[input.action], by, this.isoNow(), note || null, input.alertId)
      if (input.action === 'escalate')
        this.db
          .prepare('UPDATE sessions SET escalated = 1 WHERE session_id = ?')
          .run(current.sessionId)
      this.db.exec('COMMIT')
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
    return this.get(input.alertId)!
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString()
  }
}

function toStoredAlert(row: AlertRow): StoredAlert {
  const { reason, items, figures } = JSON.parse(row.evidence) as {
    reason?: string
    items?: StoredAlert['evidence']['items']
    figures?: Record<string, number>
  }
  return {
    alertId: row.alert_id,
    sessionId: row.session_id,
    rule: row.rule as StoredAlert['rule'],
    severity: row.severity as StoredAlert['severity'],
    raisedAt: row.raised_at,
    reason: reason ?? row.rule,
    evidence: { items: items ?? [], figures: figures ?? {} },
    status: row.status as AlertStatus,
    actionBy: row.action_by,
    actionAt: row.action_at,
    actionNote: row.action_note
  }
}
