import type { DatabaseSync } from 'node:sqlite'
import {
  MAX_LATENCY_POINTS,
  type ReportAlerts,
  type ReportFilter,
  type ReportSummary
} from '../../shared/ipc/routes/reportRoutes'
import { SLOW_P95_MS } from '../../shared/sessions/labSchema'
import { queryAlertFigures } from './alertFigures'
import { queryLatencyHistogram } from './latencyHistogram'
import { queryLatencyPerSession } from './latencyPerSession'
import { queryReportCube } from './reportCube'
import { reportWhere } from './reportWhere'
import { rollUpCube } from './rollUpCube'
import { querySessionsPerDay } from './sessionsPerDay'

/** Lets other IPC requests run between the summary's queries (each is one SQL statement). */
export type Pause = () => Promise<void>
const noPause: Pause = async () => {}

/** The Reports screen's figures, aggregated in SQL over the session database. */
export class ReportQueries {
  constructor(private readonly db: DatabaseSync) {}

  async summary(filter: ReportFilter, pause: Pause = noPause): Promise<ReportSummary> {
    const where = reportWhere(filter)
    const { minP50Ms, maxP95Ms, datedSessions, ...figures } = rollUpCube(
      queryReportCube(this.db, where, SLOW_P95_MS),
      SLOW_P95_MS
    )
    await pause()
    const histogram = queryLatencyHistogram(this.db, where, minP50Ms, maxP95Ms)
    await pause()
    const latencyPerSession = queryLatencyPerSession(
      this.db,
      where,
      figures.kpis.sessions,
      MAX_LATENCY_POINTS
    )
    await pause()
    const overTime =
      datedSessions > 0
        ? querySessionsPerDay(this.db, where, figures.kpis.sessions - datedSessions)
        : { undatedSessions: figures.kpis.sessions, days: [] }
    return { ...figures, histogram, latencyPerSession, overTime }
  }

  /** The alerts section: alerts of the sessions in the filter (live calls raise them). */
  alerts(filter: ReportFilter): ReportAlerts {
    return queryAlertFigures(this.db, reportWhere(filter))
  }
}
