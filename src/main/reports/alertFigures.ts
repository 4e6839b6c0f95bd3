import type { DatabaseSync } from 'node:sqlite'
import { FIRST_ACTION_BINS_MS, type ReportAlerts } from '../../shared/analytics/reportSchemas'
import { MAX_FILTER_SESSION_IDS } from '../../shared/sessions/sessionQuery'
import type { SqlWhere } from '../sessions/sessionRows'
import { andWhere } from './reportWhere'

/** A JSON id list from SQLite, or null when it is too long to open in Sessions. */
const drillIds = (json: string | null, count: number): string[] | null =>
  count > MAX_FILTER_SESSION_IDS ? null : json ? (JSON.parse(json) as string[]) : []

/**
 * Alerts whose session is in the report's filter (the filter speaks of sessions' columns). A
 * lookup by key per alert: `IN (SELECT … FROM sessions …)` read the whole table on every request.
 */
const inFilter = (where: SqlWhere): string =>
  `EXISTS (SELECT 1 FROM sessions${andWhere(where, 'sessions.session_id = alerts.session_id').clause})`

/**
 * Sessions with an escalated alert: the alert's status, or an escalate action in the log. One
 * IN on the key, so SQLite looks those sessions up instead of testing every session.
 */
const ESCALATED = `session_id IN (SELECT session_id FROM alerts WHERE status = 'escalated'
  UNION SELECT session_id FROM alert_actions WHERE action = 'escalate')`

function perDay(db: DatabaseSync, where: SqlWhere): ReportAlerts['perDay'] {
  const rows = db
    .prepare(
      `SELECT substr(raised_at, 1, 10) AS day, rule, COUNT(*) AS alerts,
         COUNT(DISTINCT session_id) AS sessions, json_group_array(DISTINCT session_id) AS ids
       FROM alerts WHERE ${inFilter(where)} GROUP BY day, rule ORDER BY day, rule`
    )
    .all(...where.params) as {
    day: string
    rule: string
    alerts: number
    sessions: number
    ids: string
  }[]
  return rows.map((r) => ({
    day: r.day,
    rule: r.rule,
    alerts: r.alerts,
    sessions: r.sessions,
    sessionIds: drillIds(r.ids, r.sessions)
  }))
}

function escalation(
  db: DatabaseSync,
  where: SqlWhere,
  sessionsInFilter: number
): Pick<ReportAlerts, 'sessions' | 'escalatedSessions' | 'escalatedSessionIds'> {
  const escalated = andWhere(where, ESCALATED)
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n, json_group_array(session_id) AS ids FROM sessions${escalated.clause}`
    )
    .get(...escalated.params) as { n: number; ids: string }
  return {
    sessions: sessionsInFilter,
    escalatedSessions: row.n,
    escalatedSessionIds: drillIds(row.ids, row.n)
  }
}

/**
 * Per alerted session: whole ms (julianday's float rounded) from its first alert to the first supervisor action at or after it
 * (the action log, plus the alerts row's latest action for alerts acted on before the log).
 */
const DELAYS = (where: SqlWhere): string => `
  WITH firsts AS (
    SELECT session_id, MIN(julianday(raised_at)) AS first_alert
    FROM alerts WHERE ${inFilter(where)} GROUP BY session_id
  ),
  acts AS (
    SELECT session_id, julianday(action_at) AS at FROM alert_actions
    UNION ALL
    SELECT session_id, julianday(action_at) FROM alerts WHERE action_at IS NOT NULL
  ),
  delays AS (
    SELECT f.session_id, ROUND((MIN(a.at) - f.first_alert) * 86400000.0) AS ms
    FROM firsts f JOIN acts a ON a.session_id = f.session_id AND a.at >= f.first_alert
    GROUP BY f.session_id
  )`

function firstAction(
  db: DatabaseSync,
  where: SqlWhere,
  alertedSessions: number
): ReportAlerts['firstAction'] {
  // numpy-linear percentile: the two ranks around (n - 1) * q, picked in SQL, then interpolated.
  const rank = (q: number): string => `
    MAX(CASE WHEN i = CAST((n - 1) * ${q} AS INTEGER) THEN ms END) AS lo_${q * 100},
    MAX(CASE WHEN i = MIN(CAST((n - 1) * ${q} AS INTEGER) + 1, n - 1) THEN ms END) AS hi_${q * 100}`
  const stats = db
    .prepare(
      `${DELAYS(where)},
       ranked AS (
         SELECT ms, ROW_NUMBER() OVER (ORDER BY ms) - 1 AS i, COUNT(*) OVER () AS n FROM delays
       )
       SELECT COUNT(*) AS n, ${rank(0.5)}, ${rank(0.9)} FROM ranked`
    )
    .get(...where.params) as Record<string, number | null> & { n: number }
  const at = (q: number): number | null => {
    const lo = stats[`lo_${q * 100}`] ?? null
    const hi = stats[`hi_${q * 100}`] ?? null
    if (lo === null || hi === null) return null
    const fraction = (stats.n - 1) * q - Math.floor((stats.n - 1) * q)
    return lo + (hi - lo) * fraction
  }
  const bounds = FIRST_ACTION_BINS_MS
  const binOf = bounds
    .slice(1)
    .map((upper, index) => `WHEN ms < ${upper} THEN ${index}`)
    .join(' ')
  const rows = db
    .prepare(
      `${DELAYS(where)}
       SELECT CASE ${binOf} ELSE ${bounds.length - 1} END AS bin, COUNT(*) AS sessions,
         json_group_array(session_id) AS ids
       FROM delays GROUP BY bin`
    )
    .all(...where.params) as { bin: number; sessions: number; ids: string }[]
  const bins = bounds.map((fromMs, index) => {
    const row = rows.find((r) => r.bin === index)
    return {
      fromMs,
      toMs: bounds[index + 1] ?? null,
      sessions: row?.sessions ?? 0,
      sessionIds: row ? drillIds(row.ids, row.sessions) : []
    }
  })
  return {
    actedSessions: stats.n,
    unactedSessions: alertedSessions - stats.n,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    bins
  }
}

/**
 * The Reports screen's alerts section, aggregated in SQL over the sessions in the filter, of
 * which there are `sessionsInFilter` (the caller counts them in memory: no pass over the table).
 */
export function queryAlertFigures(
  db: DatabaseSync,
  where: SqlWhere,
  sessionsInFilter: number
): ReportAlerts {
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS alerts, COUNT(DISTINCT session_id) AS sessions
       FROM alerts WHERE ${inFilter(where)}`
    )
    .get(...where.params) as { alerts: number; sessions: number }
  const escalated = escalation(db, where, sessionsInFilter)
  return {
    ...escalated,
    alerts: totals.alerts,
    alertedSessions: totals.sessions,
    escalationRatePct:
      escalated.sessions === 0 ? null : (escalated.escalatedSessions / escalated.sessions) * 100,
    perDay: perDay(db, where),
    firstAction: firstAction(db, where, totals.sessions)
  }
}
