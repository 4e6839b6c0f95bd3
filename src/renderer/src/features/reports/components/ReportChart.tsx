import { useMemo, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ActiveElement,
  Chart as ChartJs,
  ChartEvent,
  ChartOptions,
  ChartType,
  Plugin
} from 'chart.js'
import { Chart } from 'react-chartjs-2'
import { useTheme } from '@mui/material/styles'
import '../charts/registerCharts'
import type { ChartHit, ChartSpec, SpecType } from '../charts/chartSpec'
import type { DrillTarget } from '../drillDown'

interface ReportChartProps {
  spec: ChartSpec
  /** Null when clicks cannot open sessions (the chart has no drill, or a filter blocks it). */
  onDrill: ((target: DrillTarget) => void) | null
  /** Sessions behind the spec's figures: stamped on the canvas each time chart.js draws it. */
  sessions: number
}

declare module 'chart.js' {
  // TType must match chart.js's declaration, unused as it is here.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    /** Sessions behind the figures being drawn (see paintStamp). */
    paintStamp?: { sessions: number }
  }
}

/**
 * Marks the canvas with the figures it last drew (data-painted-sessions), so a test can wait
 * for every chart to show a new summary rather than for the first one.
 */
const paintStamp: Plugin<SpecType, { sessions: number }> = {
  id: 'paintStamp',
  afterRender: (chart, _args, options) => {
    chart.canvas.dataset['paintedSessions'] = String(options.sessions)
  }
}

/** Where a click landed: the bar or point under the pointer if any, else the whole column. */
function hitOf(chart: ChartJs, event: ChartEvent, column: ActiveElement[]): ChartHit | null {
  const native = event.native
  const exact = native
    ? chart.getElementsAtEventForMode(native, 'nearest', { intersect: true }, false)[0]
    : undefined
  const element = exact ?? column[0]
  if (!element) return null
  const data = chart.data.datasets[element.datasetIndex]?.data
  return {
    index: element.index,
    datasetIndex: exact ? exact.datasetIndex : null,
    raw: data?.[element.index]
  }
}

/**
 * One report chart on a canvas; clicks become drill-downs, the pointer shows where they work.
 * A change of light/dark makes a new chart: chart.js takes plugins (the threshold line and
 * its colour) only when a chart is created.
 */
export function ReportChart(props: ReportChartProps): JSX.Element {
  return <ChartCanvas key={useTheme().palette.mode} {...props} />
}

function ChartCanvas({ spec, onDrill, sessions }: ReportChartProps): JSX.Element {
  const { t } = useTranslation('reports')
  const { drill } = spec
  // chart.js takes plugins when the chart is created only; the threshold line's value is a
  // constant, and the stamp reads its count from the options, which follow every update.
  const [plugins] = useState(() => [...(spec.plugins ?? []), paintStamp])
  const options = useMemo((): ChartOptions<SpecType> => {
    const stamped = {
      ...spec.options,
      plugins: { ...spec.options.plugins, paintStamp: { sessions } }
    }
    if (!drill || !onDrill) return stamped
    return {
      ...stamped,
      onHover: (_event, elements, chart) => {
        chart.canvas.style.cursor = elements.length ? 'pointer' : 'default'
      },
      onClick: (event, elements, chart) => {
        const hit = hitOf(chart, event, elements)
        const target = hit && drill(hit)
        if (target) onDrill(target)
      }
    }
  }, [spec.options, drill, onDrill, sessions])
  return (
    <Chart
      type={spec.type}
      data={spec.data}
      options={options}
      plugins={plugins}
      role="img"
      aria-label={t('chart.canvasLabel', { question: spec.question })}
      data-testid={`chart-canvas-${spec.id}`}
    />
  )
}
