import type { SessionFilter, SessionSort } from '../../../shared/sessions/sessionQuery'
import { saidWords } from '../../../shared/sessions/saidSearch'

export type SqlValue = string | number | null

/** A value as SQLite stores it: booleans as 0/1. */
export const sqlValue = (value: string | number | boolean | null): SqlValue =>
  typeof value === 'boolean' ? (value ? 1 : 0) : value
export interface SqlWhere {
  clause: string
  params: SqlValue[]
}

/** The day after an ISO day, so a range ends at the start of the next UTC day. */
const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** An alert of the session being filtered (alerts_session, or alerts_rule with a rule). */
const ALERT_OF_SESSION = 'SELECT 1 FROM alerts a WHERE a.session_id = sessions.session_id'

/** The session's transcript matches the full-text query (migration v10's FTS5 index). */
const SAID_IN_CALL = `sessions.session_id IN (SELECT session_id FROM transcripts WHERE rowid IN
  (SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH ?))`

/**
 * The words as an FTS5 query: each one a quoted string (letters and digits only, saidWords), all
 * of them required, the last one also as a prefix (the user may still be typing it).
 */
export const ftsQuery = (words: readonly string[]): string =>
  words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ')

/**
 * Turns a validated filter (Sessions' or the report's: the date range included, so a chart's
 * sessions and the ones its click-through opens are chosen by the same SQL) into a WHERE clause;
 * every value is a bound parameter.
 */
export function whereFor(filter: SessionFilter): SqlWhere {
  const parts: string[] = []
  const params: SqlValue[] = []
  const oneOf = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  oneOf('scenario', filter.scenario)
  oneOf('sentiment', filter.sentiment)
  oneOf('language', filter.language)
  oneOf('model', filter.model)
  oneOf('source', filter.source)
  if (filter.sessionIds) {
    // An empty id list is a selection of nothing, not "no filter".
    if (filter.sessionIds.length === 0) parts.push('0 = 1')
    else oneOf('session_id', filter.sessionIds)
  }
  const range = (
    column: string,
    bounds: { min?: number; max?: number } | undefined,
    maxIncluded: boolean
  ): void => {
    if (bounds?.min !== undefined) {
      parts.push(`${column} >= ?`)
      params.push(bounds.min)
    }
    if (bounds?.max !== undefined) {
      parts.push(`${column} ${maxIncluded ? '<=' : '<'} ?`)
      params.push(bounds.max)
    }
  }
  range('latency_p50_ms', filter.latencyP50Ms, false)
  range('latency_p95_ms', filter.latencyP95Ms, false)
  range('interruptions', filter.interruptions, true)
  // ISO timestamps in UTC: comparing strings compares instants; NULL (undated) never matches.
  if (filter.startedFrom) {
    parts.push('started_at >= ?')
    params.push(filter.startedFrom)
  }
  if (filter.startedTo) {
    parts.push('started_at < ?')
    params.push(dayAfter(filter.startedTo))
  }
  if (filter.ragUsed !== undefined) {
    parts.push('rag_used = ?')
    params.push(filter.ragUsed ? 1 : 0)
  }
  // Only GPT-Live calls are marked: every other session (seed, imports) is a Realtime one.
  if (filter.engine)
    parts.push(
      `session_id ${filter.engine === 'live' ? '' : 'NOT '}IN (SELECT session_id FROM calls WHERE engine = 'live')`
    )
  if (filter.escalated !== undefined)
    parts.push(filter.escalated ? 'escalated = 1' : 'escalated IS NOT 1')
  if (filter.hasAlerts !== undefined)
    parts.push(`${filter.hasAlerts ? '' : 'NOT '}EXISTS (${ALERT_OF_SESSION})`)
  if (filter.alertRules && filter.alertRules.length > 0) {
    parts.push(
      `EXISTS (${ALERT_OF_SESSION} AND a.rule IN (${filter.alertRules.map(() => '?').join(', ')}))`
    )
    params.push(...filter.alertRules)
  }
  const said = saidWords(filter.said)
  if (said.length > 0) {
    parts.push(SAID_IN_CALL)
    params.push(ftsQuery(said))
  }
  const search = filter.search?.trim()
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const named = filter.searchScenarios ?? []
    const orNamed = named.length ? ` OR scenario IN (${named.map(() => '?').join(', ')})` : ''
    parts.push(
      `(session_id LIKE ? ESCAPE '\\' OR scenario LIKE ? ESCAPE '\\' OR model LIKE ? ESCAPE '\\'${orNamed})`
    )
    params.push(pattern, pattern, pattern, ...named)
  }
  return { clause: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params }
}

/** Column names come from the zod enum, never from raw input. */
export const orderBy = (sort: SessionSort): string =>
  ` ORDER BY ${sort.column} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}, session_id ASC`

/** `where` and one more condition, with its parameters. */
export const andWhere = (
  where: SqlWhere,
  condition: string,
  ...params: SqlWhere['params']
): SqlWhere => ({
  clause: where.clause ? `${where.clause} AND ${condition}` : ` WHERE ${condition}`,
  params: [...where.params, ...params]
})
