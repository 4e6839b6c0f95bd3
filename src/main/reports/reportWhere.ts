import type { ReportFilter } from '../../shared/ipc/routes/reportRoutes'
import { whereFor, type SqlWhere } from '../sessions/sessionRows'

/** The day after an ISO day, so a range ends at the start of the next UTC day. */
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** `where` and one more condition, with its parameters. */
export const andWhere = (
  where: SqlWhere,
  condition: string,
  ...params: SqlWhere['params']
): SqlWhere => ({
  clause: where.clause ? `${where.clause} AND ${condition}` : ` WHERE ${condition}`,
  params: [...where.params, ...params]
})

/**
 * The Sessions WHERE clause plus the report's date range on `started_at` (ISO timestamps in UTC,
 * so comparing strings compares instants). Every value is a bound parameter.
 */
export function reportWhere(filter: ReportFilter): SqlWhere {
  const { startedFrom, startedTo, ...sessionFilter } = filter
  let where = whereFor(sessionFilter)
  if (startedFrom) where = andWhere(where, 'started_at >= ?', startedFrom)
  if (startedTo) where = andWhere(where, 'started_at < ?', nextDay(startedTo))
  return where
}
