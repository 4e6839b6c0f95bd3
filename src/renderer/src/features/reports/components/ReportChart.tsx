import { useMemo, type JSX } from 'react'
import type { ActiveElement, Chart as ChartJs, ChartEvent, ChartOptions } from 'chart.js'
import { Chart } from 'react-chartjs-2'
import '../charts/registerCharts'
import type { ChartHit, ChartSpec, SpecType } from '../charts/chartSpec'
import type { DrillTarget } from '../drillDown'

interface ReportChartProps {
  spec: ChartSpec
  /** Null when clicks cannot open sessions (the chart has no drill, or a filter blocks it). */
  onDrill: ((target: DrillTarget) => void) | null
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

/** One report chart on a canvas; clicks become drill-downs, the pointer shows where they work. */
export function ReportChart({ spec, onDrill }: ReportChartProps): JSX.Element {
  const { drill } = spec
  const options = useMemo((): ChartOptions<SpecType> => {
    if (!drill || !onDrill) return spec.options
    return {
      ...spec.options,
      onHover: (_event, elements, chart) => {
        chart.canvas.style.cursor = elements.length ? 'pointer' : 'default'
      },
      onClick: (event, elements, chart) => {
        const hit = hitOf(chart, event, elements)
        const target = hit && drill(hit)
        if (target) onDrill(target)
      }
    }
  }, [spec.options, drill, onDrill])
  return (
    <Chart
      type={spec.type}
      data={spec.data}
      options={options}
      plugins={spec.plugins}
      role="img"
      aria-label={`${spec.question} Chart; use "Show as table" for its values.`}
      data-testid={`chart-canvas-${spec.id}`}
    />
  )
}
