import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type {
  AlertAction,
  AlertActionKind,
  AlertActionRecord,
  AlertActionsQuery,
  AlertStatus,
  StoredAlert
} from '../../shared/escalation/alertRecords'
import type { EscalationAlert } from '../../shared/escalation/escalationAlert'
import { handoffFacts } from '../../shared/escalation/handoffFacts'
import { handoffNoteText } from '../../shared/escalation/handoffNote'
import type { AlertRow, SessionDatabase } from '../database/SessionDatabase'
import { loadEldDetector } from '../recording/eldLanguageDetector'
import { LiveWrites } from '../recording/LiveWrites'
import { markSessionIfEscalated } from './sessionEscalation'
import { storedCallInputs } from './storedCallInputs'

/** Actions that settle an alert: its status afterwards. */
const SETTLES: Partial<Record<AlertActionKind, AlertStatus>> = {
  acknowledge: 'acknowledged',
  dismiss: 'dismissed',
  escalate: 'escalated'
}

/** Which states a settling action may start from: a dismissed or escalated alert is settled. */
const ACTIONABLE: readonly AlertStatus[] = ['open', 'acknowledged']

/** The alerts table: alerts raised by live calls, and every supervisor action with who/when. */
export class AlertStore {
  constructor(
    private readonly database: SessionDatabase,
    private readonly now: () => number = Date.now,
    private readonly detector: () => Promise<LanguageDetector> = loadEldDetector,
    /** The live calls' writes: alerts never wait on an import's lock (absent: they do). */
    private readonly writes: LiveWrites = new LiveWrites(database, null),
    /** The desk's seat, stamped on each action (team mode; SQLite ignores it). */
    private readonly seat: () => string | null = () => null
  ) {}

  /** Stores an alert the rules raised during a call; returns its id. */
  async record(sessionId: string, alert: EscalationAlert): Promise<number> {
    const raised = await this.raise(sessionId, alert)
    if (!raised) throw new Error('The alert was queued: the team database is away')
    return raised.alertId
  }

  /**
   * Stores an alert the rules raised during a call, or queues it while an import holds the
   * lock (its id is kept for it), and returns it as stored: open, not yet acted on. Null: queued
   * while the team database is away, without an id yet; LiveWrites tells its id once stored.
   */
  async raise(sessionId: string, alert: EscalationAlert): Promise<StoredAlert | null> {
    const evidence = JSON.stringify({ reason: alert.reason, t: alert.t, ...alert.evidence })
    const row = {
      sessionId,
      rule: alert.rule,
      severity: alert.severity,
      raisedAt: this.isoNow(),
      evidence
    }
    const alertId = await this.writes.alert(row)
    if (alertId === null) return null
    return toStoredAlert({
      alert_id: alertId,
      session_id: sessionId,
      rule: row.rule,
      severity: row.severity,
      raised_at: row.raisedAt,
      evidence,
      status: 'open',
      action_by: null,
      action_at: null,
      action_note: null
    })
  }

  /** Newest first; `status` one state or any of several. */
  async list(
    status: AlertStatus | readonly AlertStatus[] | undefined,
    limit: number
  ): Promise<StoredAlert[]> {
    const statuses = status === undefined ? [] : typeof status === 'string' ? [status] : status
    return (await this.database.alerts.list(statuses, limit)).map(toStoredAlert)
  }

  async get(alertId: number): Promise<StoredAlert | null> {
    const row = await this.database.alerts.get(alertId)
    return row ? toStoredAlert(row) : null
  }

  /** The action log, oldest first, filtered by alert, session and/or action. */
  actions(query: AlertActionsQuery): Promise<AlertActionRecord[]> {
    return this.database.alertActions.list(query)
  }

  /**
   * Logs the action in alert_actions and applies it. Acknowledge, dismiss (with its reason) and
   * escalate settle the alert and are refused once it is dismissed or escalated. Instruct, stop
   * agent and end call are logged at any time (a call can still end after its escalation); on
   * an open alert they count as acknowledging it: the supervisor has plainly seen it.
   * Escalating writes the handoff note (stored as the action's note) and marks the session.
   */
  async act(input: AlertAction, by: string): Promise<StoredAlert> {
    // The alert, and the call's events a handoff note reads, may still be queued; an action
    // that meets an import's lock waits and tries again rather than stalling main or failing.
    // With the team database away it is refused at once (said so), never left hanging.
    return this.writes.whenWritable(() => this.actNow(input, by), 'fail')
  }

  private async actNow(input: AlertAction, by: string): Promise<StoredAlert> {
    const current = await this.get(input.alertId)
    if (!current) throw new Error(`No alert ${input.alertId}`)
    const settles = SETTLES[input.action]
    if (settles && !ACTIONABLE.includes(current.status))
      throw new Error(`Alert ${input.alertId} is already ${current.status}`)
    const note = await this.noteOf(input, current)
    const at = this.isoNow()
    const status = settles ?? (current.status === 'open' ? 'acknowledged' : null)
    await this.database.transactionNow(async (tx) => {
      await tx.alertActions.insert({
        alertId: input.alertId,
        sessionId: current.sessionId,
        action: input.action,
        by,
        at,
        note,
        seat: this.seat()
      })
      if (status) await tx.alerts.setStatus(input.alertId, status, by, at, settles ? note : null)
      await markSessionIfEscalated(tx, current.sessionId)
    })
    return (await this.get(input.alertId))!
  }

  private async noteOf(input: AlertAction, alert: StoredAlert): Promise<string | null> {
    switch (input.action) {
      case 'dismiss':
        // The reason is the first line: the Monitor tallies dismissals by it.
        return [input.reason, input.note].filter(Boolean).join('\n')
      case 'instruct':
        return input.instruction
      case 'escalate':
        return this.handoffNote(alert.sessionId, input.note)
      case 'acknowledge':
        return input.note || null
      default:
        return null
    }
  }

  /**
   * The handoff note over what is recorded of the call so far, and all its alerts (also a
   * gateway call's transfer taken from the wallboard, without an alert).
   */
  async handoffNote(sessionId: string, supervisorNote: string | undefined): Promise<string> {
    const alerts = await this.database.alerts.forSession(sessionId)
    const facts = handoffFacts(
      sessionId,
      await storedCallInputs(this.database, sessionId),
      alerts.map(toStoredAlert),
      await this.detector()
    )
    return handoffNoteText(facts, supervisorNote || undefined)
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
    rule: row.rule,
    severity: row.severity,
    raisedAt: row.raised_at,
    reason: reason ?? row.rule,
    evidence: { items: items ?? [], figures: figures ?? {} },
    status: row.status,
    actionBy: row.action_by,
    actionAt: row.action_at,
    actionNote: row.action_note,
    seat: row.seat ?? null,
    callEnded: row.call_status != null && row.call_status !== 'active'
  }
}
