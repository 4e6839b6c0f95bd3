import type { DatabaseSync } from 'node:sqlite'
import { FIRST_ACTION_BINS_MS, type ReportAlerts } from '../../../shared/analytics/reportSchemas'
import { MAX_FILTER_SESSION_IDS } from '../../../shared/sessions/sessionQuery'
import { columnsOf, type Row } from '../rowValues'
import { andWhere, type SqlWhere } from './sessionWhere'

const figures = columnsOf('alert figures')

/** A JSON array of session ids, as json_group_array builds it. */
function idList(json: string): string[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error('expected a JSON array of session ids')
  return parsed.map(String)
}

/** A JSON id list from SQLite, or null when it is too long to open in Sessions. */
const drillIds = (json: string | null, count: number): string[] | null =>
  count > MAX_FILTER_SESSION_IDS ? null : json ? idList(json) : []

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
    .all(...where.params)
  return rows.map((r) => {
    const sessions = figures.number(r, 'sessions')
    return {
      day: figures.text(r, 'day'),
      rule: figures.text(r, 'rule'),
      alerts: figures.number(r, 'alerts'),
      sessions,
      sessionIds: drillIds(figures.text(r, 'ids'), sessions)
    }
  })
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
    .get(...escalated.params)
  const n = row ? figures.number(row, 'n') : 0
  return {
    sessions: sessionsInFilter,
    escalatedSessions: n,
    escalatedSessionIds: drillIds(row ? figures.text(row, 'ids') : null, n)
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
    .get(...where.params) ?? { n: 0 }
  const acted = figures.number(stats, 'n')
  const rankAt = (column: string): number | null =>
    column in stats ? figures.numberOrNull(stats, column) : null
  const at = (q: number): number | null => {
    const lo = rankAt(`lo_${q * 100}`)
    const hi = rankAt(`hi_${q * 100}`)
    if (lo === null || hi === null) return null
    const fraction = (acted - 1) * q - Math.floor((acted - 1) * q)
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
    .all(...where.params)
    .map((r: Row) => ({
      bin: figures.number(r, 'bin'),
      sessions: figures.number(r, 'sessions'),
      ids: figures.text(r, 'ids')
    }))
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
    actedSessions: acted,
    unactedSessions: alertedSessions - acted,
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
    .get(...where.params)
  const alerts = totals ? figures.number(totals, 'alerts') : 0
  const alertedSessions = totals ? figures.number(totals, 'sessions') : 0
  const escalated = escalation(db, where, sessionsInFilter)
  return {
    ...escalated,
    alerts,
    alertedSessions,
    escalationRatePct:
      escalated.sessions === 0 ? null : (escalated.escalatedSessions / escalated.sessions) * 100,
    perDay: perDay(db, where),
    firstAction: firstAction(db, where, alertedSessions)
  }
}
