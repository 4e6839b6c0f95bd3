import type { HandlersFor } from '../../../shared/ipc/route'
import type { reportRoutes } from '../../../shared/ipc/routes/reportRoutes'
import type { ReportQueries } from '../../reports/ReportQueries'

const nextTurn = (): Promise<void> => new Promise((resume) => setImmediate(resume))

/** Reports: aggregated in SQL, yielding between queries so table pages are not held up. */
export function reportHandlers(reports: ReportQueries): HandlersFor<typeof reportRoutes> {
  return {
    'reports.summary': async ({ filter }) => reports.summary(filter, nextTurn)
  }
}
