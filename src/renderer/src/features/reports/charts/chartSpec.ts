import type { ChartData, ChartOptions, Plugin } from 'chart.js'
import type { DrillTarget } from '../drillDown'

export type SpecType = 'bar' | 'line'

/** Where a click landed: a column (index) and, when a bar or point was hit, its dataset. */
export interface ChartHit {
  index: number
  datasetIndex: number | null
  /** The data point as given to chart.js (decimation keeps the original objects). */
  raw: unknown
}

export interface TableColumn {
  label: string
  numeric?: boolean
}
export interface TableRow {
  cells: string[]
  drill?: DrillTarget
}

/**
 * One chart of the Reports screen, built from the summary by a pure function: the question it
 * answers, the chart.js configuration, the same values as a table, and what a click opens.
 */
export interface ChartSpec {
  id: string
  question: string
  /** Units and how to read it, shown under the title. */
  caption: string
  type: SpecType
  data: ChartData<SpecType, unknown[], string | number>
  options: ChartOptions<SpecType>
  plugins?: Plugin<SpecType>[]
  columns: TableColumn[]
  rows: TableRow[]
  drill?: (hit: ChartHit) => DrillTarget | null
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string
}
