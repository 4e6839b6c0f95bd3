import {
  MAX_LATENCY_POINTS,
  type ReportAlerts,
  type ReportFilter,
  type ReportSummary
} from '../../shared/analytics/reportSchemas'
import type { ReportChannels } from '../../shared/analytics/channelFigures'
import { SLOW_P95_MS_BY_SCALE } from '../../shared/sessions/latencyScales'
import { nextTurn } from '../nextTurn'
import { FACET_COLUMNS, type FacetColumn } from '../../shared/sessions/sessionQuery'
import { latencyHistogram } from './latencyHistogram'
import { latencyPerSession } from './latencyPerSession'
import { reportCube } from './reportCube'
import { rollUpCube } from './rollUpCube'
import { reportSelection } from './reportSelection'
import { selectRows } from './selectRows'
import {
  loadSessionColumns,
  markLiveEngine,
  markWithoutCountedTurn,
  type SessionColumns
} from './sessionColumns'
import { sessionsPerDay } from './sessionsPerDay'
import type { SessionDatabase } from '../database/SessionDatabase'

/** Lets other IPC requests run between the summary's steps. */
export type Pause = () => Promise<void>
const noPause: Pause = async () => {}
/** Between chunks of the column read, whoever asked: reading 1M sessions takes seconds. */

interface ColumnsRead {
  before: string
  after: string
  columns: SessionColumns
}

/**
 * The Reports screen's figures over the session database. The sessions' report columns are read
 * once into memory and kept until the database changes; every filter is then answered from
 * them in milliseconds (a filter change used to cost four SQL passes over the table).
 */
export class ReportQueries {
  private cached: { version: string; columns: SessionColumns } | null = null
  private loading: Promise<ColumnsRead> | null = null
  /** The last filter's rows: a filter change asks for the summary and the alerts at once. */
  private selected: { columns: SessionColumns; filter: string; rows: Uint32Array } | null = null

  constructor(private readonly database: SessionDatabase) {}

  /** Moves only when the sessions do, whichever connection wrote them (not on a call's events). */
  private version(): Promise<string> {
    return this.database.sessions.version()
  }

  /** One read of the columns, with the versions before and after it. */
  private async read(): Promise<ColumnsRead> {
    const before = await this.version()
    const columns = await loadSessionColumns(
      this.database.reports,
      nextTurn,
      this.cached?.columns.size ?? 0
    )
    // A few rows (live calls hung up before any answer), in a statement of their own: the
    // column read stays as benchmarked. A call settles with its session row, so the versions
    // around both reads cover it.
    markWithoutCountedTurn(columns, await this.database.calls.withoutCountedTurn())
    markLiveEngine(columns, await this.database.calls.onLiveEngine())
    return { before, after: await this.version(), columns }
  }

  /** The columns as the database holds them now, read again only after a change. */
  private async columns(): Promise<SessionColumns> {
    for (let attempt = 1; ; attempt++) {
      const version = await this.version()
      if (this.cached?.version === version) return this.cached.columns
      // Concurrent requests share one read.
      this.loading ??= this.read().finally(() => (this.loading = null))
      const read = await this.loading
      // A read that a write overlapped may hold half of it: only a clean read is kept.
      if (read.before === read.after) this.cached = { version: read.before, columns: read.columns }
      // Under a steady stream of writes, answer from the latest read rather than wait.
      if (attempt === 3) return read.columns
    }
  }

  /**
   * The columns kept in memory if they are the database's as it is now (one version read), else
   * null: never a read of the columns themselves (Sessions answers from SQL meanwhile).
   */
  async peek(): Promise<SessionColumns | null> {
    const cached = this.cached
    if (!cached) return null
    return cached.version === (await this.version()) ? cached.columns : null
  }

  /** Reads the columns now if the database changed, so the next request finds them ready. */
  async warm(): Promise<void> {
    await this.columns()
  }

  /** selectRows, once per filter and read of the columns (10–25 ms of main's CPU at 1M). */
  private rowsOf(columns: SessionColumns, filter: ReportFilter): Uint32Array {
    const key = JSON.stringify(filter)
    const last = this.selected
    if (last?.columns === columns && last.filter === key) return last.rows
    const rows = selectRows(columns, filter)
    this.selected = { columns, filter: key, rows }
    return rows
  }

  async summary(filter: ReportFilter, pause: Pause = noPause): Promise<ReportSummary> {
    const columns = await this.columns()
    const rows = this.rowsOf(columns, filter)
    const { minP50Ms, maxP95Ms, datedSessions, ...figures } = rollUpCube(
      reportCube(columns, rows, SLOW_P95_MS_BY_SCALE),
      SLOW_P95_MS_BY_SCALE
    )
    await pause()
    const histogram = latencyHistogram(columns, rows, minP50Ms, maxP95Ms)
    const points = latencyPerSession(columns, rows, MAX_LATENCY_POINTS)
    await pause()
    const overTime = sessionsPerDay(columns, rows, figures.kpis.sessions - datedSessions)
    return { ...figures, histogram, latencyPerSession: points, overTime }
  }

  /**
   * Each filterable column's values, sorted: the columns' dictionaries, which hold exactly the
   * values present (a SELECT DISTINCT per column took ~200 ms at 100k sessions).
   */
  async facets(): Promise<Record<FacetColumn, string[]>> {
    const columns = await this.columns()
    return Object.fromEntries(
      FACET_COLUMNS.map((column) => [column, [...columns[column].values].sort()])
    ) as Record<FacetColumn, string[]>
  }

  /** Contact-center figures by channel of the calls in the filter (recorded calls only). */
  channels(filter: ReportFilter): Promise<ReportChannels> {
    return this.database.reports.channelFigures(filter)
  }

  /** The alerts section: alerts of the sessions in the filter (live calls raise them). */
  async alerts(filter: ReportFilter): Promise<ReportAlerts> {
    // The filter's sessions from the columns (shared with the summary), not a table pass.
    const columns = await this.columns()
    return this.database.reports.alertFigures(
      filter,
      reportSelection(columns, this.rowsOf(columns, filter))
    )
  }
}
