import type { CallAlert } from '../../shared/escalation/callAlert'
import type { TransactionScope } from '../database/SessionDatabase'

/** The latest action as the alerts row keeps it, for alerts acted on before alert_actions. */
const ACTION_OF_STATUS: Record<string, CallAlert['actions'][number]['action'] | undefined> = {
  acknowledged: 'acknowledge',
  dismissed: 'dismiss',
  escalated: 'escalate'
}

function parseEvidence(json: string): {
  reason: string | null
  t: number | null
  quote: string | null
} {
  try {
    const evidence = JSON.parse(json) as {
      reason?: unknown
      t?: unknown
      items?: { quote?: unknown; t?: unknown }[]
    }
    const items = Array.isArray(evidence.items) ? evidence.items : []
    const quoted = items.find((item) => typeof item.quote === 'string' && item.quote !== '')
    const firstT = items.find((item) => typeof item.t === 'number')?.t
    const t =
      typeof evidence.t === 'number' ? evidence.t : typeof firstT === 'number' ? firstT : null
    return {
      reason: typeof evidence.reason === 'string' ? evidence.reason : null,
      t,
      quote: quoted ? (quoted.quote as string) : null
    }
  } catch {
    // A row written by hand or by an older build: the marker still shows, without details.
    return { reason: null, t: null, quote: null }
  }
}

/**
 * The alerts one call raised, at their call-relative time, each with every supervisor action
 * in order (alert_actions; an alert acted on with no logged action falls back to its row's
 * latest action so the timeline never hides what the supervisor did).
 */
export async function readCallAlerts(
  database: TransactionScope,
  sessionId: string
): Promise<CallAlert[]> {
  const alerts = await database.alerts.forSession(sessionId)
  const actions = await database.alertActions.forSession(sessionId)
  return alerts.map((row) => {
    const { reason, t, quote } = parseEvidence(row.evidence)
    const logged = actions
      .filter((a) => a.alert_id === row.alert_id)
      .map((a) => ({
        action: a.action,
        by: a.action_by,
        at: a.action_at,
        note: a.note
      }))
    const latest = ACTION_OF_STATUS[row.status]
    const fallback =
      logged.length === 0 && latest && row.action_by && row.action_at
        ? [{ action: latest, by: row.action_by, at: row.action_at, note: row.action_note }]
        : []
    return {
      alertId: row.alert_id,
      rule: row.rule,
      severity: row.severity,
      raisedAt: row.raised_at,
      t,
      reason: reason ?? row.rule,
      quote,
      status: row.status,
      actions: logged.length > 0 ? logged : fallback
    }
  })
}
