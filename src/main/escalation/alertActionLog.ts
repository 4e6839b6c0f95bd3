import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type {
  AlertActionKind,
  AlertActionRecord,
  AlertActionsQuery
} from '../../shared/escalation/alertRecords'
import type { RuleId } from '../../shared/escalation/rules'

interface ActionRow {
  action_id: number
  alert_id: number
  session_id: string
  rule: string
  action: string
  action_by: string
  action_at: string
  note: string | null
}

const DEFAULT_LIMIT = 1000

/** alert_actions joined with each alert's rule, oldest first (the latest `limit` rows). */
export function readAlertActions(db: DatabaseSync, query: AlertActionsQuery): AlertActionRecord[] {
  const filters: [string, SQLInputValue | undefined][] = [
    ['x.alert_id = ?', query.alertId],
    ['x.session_id = ?', query.sessionId],
    ['x.action = ?', query.action]
  ]
  const used = filters.filter(([, value]) => value !== undefined)
  const where = used.map(([clause]) => clause)
  const params = used.map(([, value]) => value!)
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT x.*, a.rule FROM alert_actions x JOIN alerts a ON a.alert_id = x.alert_id
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY x.action_id DESC LIMIT ?
       ) ORDER BY action_id`
    )
    .all(...params, query.limit ?? DEFAULT_LIMIT) as unknown as ActionRow[]
  return rows.map((row) => ({
    actionId: row.action_id,
    alertId: row.alert_id,
    sessionId: row.session_id,
    rule: row.rule as RuleId,
    action: row.action as AlertActionKind,
    actionBy: row.action_by,
    actionAt: row.action_at,
    note: row.note
  }))
}
