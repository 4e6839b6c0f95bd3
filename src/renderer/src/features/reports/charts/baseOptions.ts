import type { ChartOptions, TooltipItem } from 'chart.js'
import { chartPalette } from './chartPalette'
import type { SpecType } from './chartSpec'

interface Axes {
  x: string
  y: string
  /** A second value axis on the right, for a line over bars. */
  y2?: string
  stacked?: boolean
  /** The y axis counts things (no fractional ticks) whatever its title's language. */
  integerY?: boolean
  /** A numeric x axis (ms, session ordinal) instead of categories. */
  linearX?: { min?: number; max?: number; stepSize?: number }
}

const axisTitle = (text: string): { display: boolean; text: string; color: string } => ({
  display: true,
  text,
  color: chartPalette.text
})

/**
 * What every report chart shares: no animation (figures, not motion; screenshots are stable),
 * tooltips and clicks by column so a click anywhere over a bar's column counts.
 */
export function baseOptions(
  axes: Axes,
  tooltipLabel?: (item: TooltipItem<SpecType>) => string
): ChartOptions<SpecType> {
  const stacked = axes.stacked ?? false
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12 } },
      tooltip: tooltipLabel ? { callbacks: { label: tooltipLabel } } : {}
    },
    scales: {
      x: axes.linearX
        ? {
            type: 'linear',
            min: axes.linearX.min,
            max: axes.linearX.max,
            ticks: { stepSize: axes.linearX.stepSize },
            title: axisTitle(axes.x),
            grid: { color: chartPalette.grid }
          }
        : { stacked, title: axisTitle(axes.x), grid: { color: chartPalette.grid } },
      y: {
        stacked,
        beginAtZero: true,
        // Counts of sessions have no fractions.
        ticks: { precision: axes.integerY || axes.y === 'Sessions' ? 0 : undefined },
        title: axisTitle(axes.y),
        grid: { color: chartPalette.grid }
      },
      ...(axes.y2 && {
        y2: {
          position: 'right' as const,
          beginAtZero: true,
          title: axisTitle(axes.y2),
          grid: { drawOnChartArea: false }
        }
      })
    }
  }
}
