import { FIRST_ACTION_BINS_MS, type ReportAlerts } from '../../../shared/analytics/reportSchemas'
import type { ReportSelection } from '../SessionDatabase'
import { MAX_FILTER_SESSION_IDS } from '../../../shared/sessions/sessionQuery'
import { columnsOf, type Row } from '../rowValues'
import { Params } from './sessionWhere'
import type { Sql } from './sql'

// The Reports screen's alerts section on PostgreSQL: sqlite/alertFiguresSql's figures, with
// array_agg for the id lists and percentile_cont (linear, as numpy's default) for the delays.

const figures = columnsOf('alert figures')

function idList(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error('alert figures: expected an array of session ids')
  return value.map(String)
}

/** An id list, or null when it is too long to open in Sessions. */
const drillIds = (value: unknown, count: number): string[] | null =>
  count > MAX_FILTER_SESSION_IDS ? null : value === null ? [] : idList(value)

/** A session with an alert or an escalate action in the log. */
interface AlertedSession {
  alerts: number
  escalated: boolean
}

/**
 * Every session with an alert or an escalate action, from the alert tables alone (a row per
 * alerted session, a few thousand at a million sessions): the report's filter is then applied
 * to them in memory. Looking them up in `sessions` (4,000 key lookups at 1M) touched a page of
 * the table for most of them, and a connection's first touch of a shared buffer is a page fault
 * on the server: 120–170 ms on a console's fresh connections, 20 ms on one that had touched
 * them before.
 */
async function alertedSessions(sql: Sql): Promise<Map<string, AlertedSession>> {
  const rows = await sql.arrays(
    `SELECT session_id, COUNT(*) FILTER (WHERE alert), bool_or(escalated) FROM (
       SELECT session_id, true AS alert, status = 'escalated' AS escalated FROM alerts
       UNION ALL
       SELECT session_id, false, true FROM alert_actions WHERE action = 'escalate'
     ) AS alerted GROUP BY session_id`
  )
  const sessions = new Map<string, AlertedSession>()
  for (const [id, alerts, escalated] of rows)
    sessions.set(String(id), { alerts: Number(alerts), escalated: escalated === true })
  return sessions
}

/** Alerts of the alerted sessions in the filter. */
const inFilter = (alerted: readonly string[], params: Params): string =>
  `alerts.session_id = ANY(${params.add(alerted)}::text[])`

/** Milliseconds since the epoch of an ISO text column. */
const epochMs = (column: string): string => `(extract(epoch FROM ${column}::timestamptz) * 1000)`

/**
 * Per alerted session: whole ms from its first alert to the first supervisor action at or after
 * it (the action log, plus the alerts row's latest action for alerts acted on before the log).
 */
const delays = (alerted: readonly string[], params: Params): string => `
  WITH firsts AS (
    SELECT session_id, MIN(${epochMs('raised_at')}) AS first_alert
    FROM alerts WHERE ${inFilter(alerted, params)} GROUP BY session_id
  ),
  acts AS (
    SELECT session_id, ${epochMs('action_at')} AS at FROM alert_actions
    UNION ALL
    SELECT session_id, ${epochMs('action_at')} FROM alerts WHERE action_at IS NOT NULL
  ),
  delays AS (
    SELECT f.session_id, ROUND(MIN(a.at) - f.first_alert)::float8 AS ms
    FROM firsts f JOIN acts a ON a.session_id = f.session_id AND a.at >= f.first_alert
    GROUP BY f.session_id, f.first_alert
  )`

async function perDay(sql: Sql, alerted: readonly string[]): Promise<ReportAlerts['perDay']> {
  const params = new Params()
  const rows = await sql.rows(
    `SELECT substr(raised_at, 1, 10) AS day, rule, COUNT(*) AS alerts,
       COUNT(DISTINCT session_id) AS sessions, array_agg(DISTINCT session_id) AS ids
     FROM alerts WHERE ${inFilter(alerted, params)} GROUP BY 1, 2 ORDER BY 1, 2`,
    params.values
  )
  return rows.map((r) => {
    const sessions = figures.number(r, 'sessions')
    return {
      day: figures.text(r, 'day'),
      rule: figures.text(r, 'rule'),
      alerts: figures.number(r, 'alerts'),
      sessions,
      sessionIds: drillIds(r['ids'], sessions)
    }
  })
}

async function firstAction(
  sql: Sql,
  alerted: readonly string[],
  alertedSessions: number
): Promise<ReportAlerts['firstAction']> {
  const statsParams = new Params()
  const stats = (
    await sql.rows(
      `${delays(alerted, statsParams)}
       SELECT COUNT(*) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ms) AS p90
       FROM delays`,
      statsParams.values
    )
  )[0] as Row
  const bounds = FIRST_ACTION_BINS_MS
  const binOf = bounds
    .slice(1)
    .map((upper, index) => `WHEN ms < ${upper} THEN ${index}`)
    .join(' ')
  const binParams = new Params()
  const rows = (
    await sql.rows(
      `${delays(alerted, binParams)}
       SELECT CASE ${binOf} ELSE ${bounds.length - 1} END AS bin, COUNT(*) AS sessions,
         array_agg(session_id ORDER BY session_id) AS ids
       FROM delays GROUP BY 1`,
      binParams.values
    )
  ).map((r: Row) => ({
    bin: figures.number(r, 'bin'),
    sessions: figures.number(r, 'sessions'),
    ids: r['ids']
  }))
  return {
    actedSessions: figures.number(stats, 'n'),
    unactedSessions: alertedSessions - figures.number(stats, 'n'),
    medianMs: figures.numberOrNull(stats, 'median'),
    p90Ms: figures.numberOrNull(stats, 'p90'),
    bins: bounds.map((fromMs, index) => {
      const row = rows.find((r) => r.bin === index)
      return {
        fromMs,
        toMs: bounds[index + 1] ?? null,
        sessions: row?.sessions ?? 0,
        sessionIds: row ? drillIds(row.ids, row.sessions) : []
      }
    })
  }
}

/**
 * The alerts section of the sessions `selection` holds (the report's filter, applied by the
 * caller to its columns in memory): the alert tables read once for the alerted sessions, then
 * aggregated in SQL over the alerts of those in the filter.
 */
export async function queryAlertFigures(
  sql: Sql,
  selection: ReportSelection
): Promise<ReportAlerts> {
  const sessions = await alertedSessions(sql)
  const alerted: string[] = []
  const escalated: string[] = []
  let alerts = 0
  // In session_id order, as ORDER BY session_id under COLLATE "C" lists them.
  for (const id of selection.among([...sessions.keys()])) {
    const session = sessions.get(id)!
    if (session.alerts > 0) {
      alerted.push(id)
      alerts += session.alerts
    }
    if (session.escalated) escalated.push(id)
  }
  const [days, first] = await Promise.all([
    perDay(sql, alerted),
    firstAction(sql, alerted, alerted.length)
  ])
  return {
    sessions: selection.count,
    escalatedSessions: escalated.length,
    escalatedSessionIds: escalated.length > MAX_FILTER_SESSION_IDS ? null : escalated,
    alerts,
    alertedSessions: alerted.length,
    escalationRatePct: selection.count === 0 ? null : (escalated.length / selection.count) * 100,
    perDay: days,
    firstAction: first
  }
}
