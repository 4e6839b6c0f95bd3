import type { ReportFilter } from '../../shared/analytics/reportSchemas'
import { whereFor, type SqlWhere } from '../sessions/sessionRows'

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
 * The report's filters are Sessions filters (the date range included), so a chart's sessions
 * and the ones its click-through opens are chosen by the same SQL. Every value is a bound
 * parameter.
 */
export function reportWhere(filter: ReportFilter): SqlWhere {
  return whereFor(filter)
}
