import { FIRST_ACTION_BINS_MS, type ReportAlerts } from '../../../shared/analytics/reportSchemas'
import type { ReportFilter } from '../../../shared/analytics/reportSchemas'
import { MAX_FILTER_SESSION_IDS } from '../../../shared/sessions/sessionQuery'
import { columnsOf, type Row } from '../rowValues'
import { conditionsFor, Params } from './sessionWhere'
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

/**
 * The alerted sessions in the report's filter, found once per request by one lookup by key per
 * alerted session (ARRAY(…) keeps the planner from trading those lookups for a scan of every
 * session, which it prices lower: at a million sessions that scan took 300 ms, the lookups
 * 30 ms, and each of the queries below made it again).
 */
async function alertedInFilter(sql: Sql, filter: ReportFilter): Promise<string[]> {
  const params = new Params()
  const conditions = [
    ...conditionsFor(filter, params),
    'session_id = ANY(ARRAY(SELECT DISTINCT session_id FROM alerts))'
  ]
  const rows = await sql.rows(
    `SELECT session_id FROM sessions WHERE ${conditions.join(' AND ')}`,
    params.values
  )
  return rows.map((row) => figures.text(row, 'session_id'))
}

/** Alerts of the sessions alertedInFilter found. */
const inFilter = (alerted: readonly string[], params: Params): string =>
  `alerts.session_id = ANY(${params.add(alerted)}::text[])`

/** Sessions with an escalated alert: the alert's status, or an escalate action in the log. */
const ESCALATED = `session_id IN (SELECT session_id FROM alerts WHERE status = 'escalated'
  UNION SELECT session_id FROM alert_actions WHERE action = 'escalate')`

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

async function escalation(
  sql: Sql,
  filter: ReportFilter,
  sessionsInFilter: number
): Promise<Pick<ReportAlerts, 'sessions' | 'escalatedSessions' | 'escalatedSessionIds'>> {
  const params = new Params()
  const conditions = [...conditionsFor(filter, params), ESCALATED]
  const rows = await sql.rows(
    `SELECT COUNT(*) AS n, array_agg(session_id ORDER BY session_id) AS ids
     FROM sessions WHERE ${conditions.join(' AND ')}`,
    params.values
  )
  const n = rows[0] ? figures.number(rows[0], 'n') : 0
  return {
    sessions: sessionsInFilter,
    escalatedSessions: n,
    escalatedSessionIds: drillIds(rows[0]?.['ids'] ?? null, n)
  }
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
 * The alerts section, aggregated in SQL over the sessions in the filter, of which there are
 * `sessionsInFilter` (the caller counts them in memory: no pass over the table).
 */
export async function queryAlertFigures(
  sql: Sql,
  filter: ReportFilter,
  sessionsInFilter: number
): Promise<ReportAlerts> {
  const alerted = await alertedInFilter(sql, filter)
  const params = new Params()
  const totals = await sql.rows(
    `SELECT COUNT(*) AS alerts, COUNT(DISTINCT session_id) AS sessions
     FROM alerts WHERE ${inFilter(alerted, params)}`,
    params.values
  )
  const alerts = totals[0] ? figures.number(totals[0], 'alerts') : 0
  const alertedSessions = totals[0] ? figures.number(totals[0], 'sessions') : 0
  const escalated = await escalation(sql, filter, sessionsInFilter)
  return {
    ...escalated,
    alerts,
    alertedSessions,
    escalationRatePct:
      escalated.sessions === 0 ? null : (escalated.escalatedSessions / escalated.sessions) * 100,
    perDay: await perDay(sql, alerted),
    firstAction: await firstAction(sql, alerted, alertedSessions)
  }
}
