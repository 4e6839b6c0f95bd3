import { LAB_COLUMNS } from '../../../shared/sessions/labSchema'
import type { SessionFilter, SessionSort } from '../../../shared/sessions/sessionQuery'
import type { Param } from './sql'
import { saidWords } from '../../../shared/sessions/saidSearch'

/** An alert of the session being filtered (alerts_session, or alerts_rule with a rule). */
const ALERT_OF_SESSION = 'SELECT 1 FROM alerts a WHERE a.session_id = sessions.session_id'

/**
 * The words as a to_tsquery text: all of them required, the last one also as a prefix (the
 * user may still be typing it). Letters and digits only (saidWords): no operator can come in.
 */
export const tsQuery = (words: readonly string[]): string =>
  words.map((word, i) => `${word}${i === words.length - 1 ? ':*' : ''}`).join(' & ')

/** A statement's bound parameters: add() returns the placeholder ($1, $2…) of the value. */
export class Params {
  readonly values: Param[] = []
  add(value: Param): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** The day after an ISO day, so a range ends at the start of the next UTC day. */
const dayAfter = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * The PostgreSQL twin of sqlite/sessionWhere: the same filter, the same rows, every value a
 * bound parameter (lists as one array parameter: `= ANY($n)`). Returns the conditions joined
 * by AND ('' when there are none), for `where()` or `and()`.
 */
export function conditionsFor(filter: SessionFilter, params: Params): string[] {
  const parts: string[] = []
  const oneOf = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return
    parts.push(`${column} = ANY(${params.add(values)}::text[])`)
  }
  oneOf('scenario', filter.scenario)
  oneOf('sentiment', filter.sentiment)
  oneOf('language', filter.language)
  oneOf('model', filter.model)
  oneOf('source', filter.source)
  if (filter.sessionIds) {
    // An empty id list is a selection of nothing, not "no filter".
    if (filter.sessionIds.length === 0) parts.push('false')
    else oneOf('session_id', filter.sessionIds)
  }
  const range = (
    column: string,
    bounds: { min?: number; max?: number } | undefined,
    maxIncluded: boolean
  ): void => {
    // float8: a bound need not be whole where the column is an integer.
    if (bounds?.min !== undefined) parts.push(`${column} >= ${params.add(bounds.min)}::float8`)
    if (bounds?.max !== undefined)
      parts.push(`${column} ${maxIncluded ? '<=' : '<'} ${params.add(bounds.max)}::float8`)
  }
  range('latency_p50_ms', filter.latencyP50Ms, false)
  range('latency_p95_ms', filter.latencyP95Ms, false)
  range('interruptions', filter.interruptions, true)
  // ISO timestamps in UTC, COLLATE "C": comparing strings compares instants; NULL never matches.
  if (filter.startedFrom) parts.push(`started_at >= ${params.add(filter.startedFrom)}`)
  if (filter.startedTo) parts.push(`started_at < ${params.add(dayAfter(filter.startedTo))}`)
  if (filter.ragUsed !== undefined) parts.push(`rag_used = ${params.add(filter.ragUsed ? 1 : 0)}`)
  // As on SQLite: only GPT-Live calls are marked, every other session is a Realtime one.
  if (filter.engine)
    parts.push(
      `session_id ${filter.engine === 'live' ? '' : 'NOT '}IN (SELECT session_id FROM calls WHERE engine = 'live')`
    )
  if (filter.escalated !== undefined)
    parts.push(filter.escalated ? 'escalated = 1' : 'escalated IS DISTINCT FROM 1')
  if (filter.hasAlerts !== undefined)
    parts.push(`${filter.hasAlerts ? '' : 'NOT '}EXISTS (${ALERT_OF_SESSION})`)
  if (filter.alertRules && filter.alertRules.length > 0)
    parts.push(
      `EXISTS (${ALERT_OF_SESSION} AND a.rule = ANY(${params.add(filter.alertRules)}::text[]))`
    )
  const said = saidWords(filter.said)
  if (said.length > 0)
    parts.push(
      `sessions.session_id IN (SELECT session_id FROM transcripts
        WHERE document @@ to_tsquery('transcript_search', ${params.add(tsQuery(said))}))`
    )
  const search = filter.search?.trim()
  if (search) {
    // ILIKE under the "C" collation folds ASCII letters only, as SQLite's LIKE does.
    const p = params.add(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    const named = filter.searchScenarios ?? []
    const orNamed = named.length ? ` OR scenario = ANY(${params.add(named)}::text[])` : ''
    parts.push(
      `(session_id ILIKE ${p} ESCAPE '\\' OR scenario ILIKE ${p} ESCAPE '\\' OR model ILIKE ${p} ESCAPE '\\'${orNamed})`
    )
  }
  return parts
}

/** ' WHERE a AND b…', or '' for no conditions. */
export const where = (conditions: readonly string[]): string =>
  conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''

/** Columns migration v1 declares NOT NULL: the lab's, and source. */
const NOT_NULL: ReadonlySet<string> = new Set([...LAB_COLUMNS, 'source'])

/**
 * Column names come from the zod enum, never from raw input. NULLs sort as SQLite's (lowest);
 * ties are broken by session_id, ascending either way. A column that holds no NULL is sorted
 * without a NULLS clause, and session_id without the tie-break: the order is the same, and an
 * index on the column can give it (an index's order includes its NULLS placement, so `ASC
 * NULLS FIRST` cannot be read from the primary key: every page was a sort of the whole table).
 */
export function orderBy(sort: SessionSort): string {
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC'
  if (sort.column === 'session_id') return ` ORDER BY session_id ${direction}`
  const nulls = NOT_NULL.has(sort.column)
    ? ''
    : direction === 'DESC'
      ? ' NULLS LAST'
      : ' NULLS FIRST'
  return ` ORDER BY ${sort.column} ${direction}${nulls}, session_id ASC`
}
