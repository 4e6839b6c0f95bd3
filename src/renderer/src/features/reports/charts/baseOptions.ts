import type { ChartOptions, TooltipItem } from 'chart.js'
import type { ChartPalette } from './chartPalette'
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

const axisTitle = (
  text: string,
  palette: ChartPalette
): { display: boolean; text: string; color: string } => ({
  display: true,
  text,
  color: palette.text
})

/**
 * What every report chart shares: no animation (figures, not motion; screenshots are stable),
 * tooltips and clicks by column so a click anywhere over a bar's column counts, and the theme's
 * colours for every word and line chart.js draws (its defaults are greys for white paper).
 */
export function baseOptions(
  palette: ChartPalette,
  axes: Axes,
  tooltipLabel?: (item: TooltipItem<SpecType>) => string
): ChartOptions<SpecType> {
  const stacked = axes.stacked ?? false
  const ticks = { color: palette.text }
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12, color: palette.text } },
      tooltip: tooltipLabel ? { callbacks: { label: tooltipLabel } } : {}
    },
    scales: {
      x: axes.linearX
        ? {
            type: 'linear',
            min: axes.linearX.min,
            max: axes.linearX.max,
            ticks: { ...ticks, stepSize: axes.linearX.stepSize },
            title: axisTitle(axes.x, palette),
            grid: { color: palette.grid }
          }
        : { stacked, title: axisTitle(axes.x, palette), ticks, grid: { color: palette.grid } },
      y: {
        stacked,
        beginAtZero: true,
        // Counts of sessions have no fractions.
        ticks: { ...ticks, precision: axes.integerY || axes.y === 'Sessions' ? 0 : undefined },
        title: axisTitle(axes.y, palette),
        grid: { color: palette.grid }
      },
      ...(axes.y2 && {
        y2: {
          position: 'right' as const,
          beginAtZero: true,
          ticks,
          title: axisTitle(axes.y2, palette),
          grid: { drawOnChartArea: false }
        }
      })
    }
  }
}
