import type { Chart, Plugin } from 'chart.js'

interface ThresholdLine {
  /** The scale the value sits on: 'y' draws a horizontal line, 'x' a vertical one. */
  scale: 'x' | 'y'
  value: number
  label: string
  color: string
  /** The card's colour: the label sits on a plate of it, so bars under it do not hide it. */
  plate?: string
}

/** A dashed reference line (the 200 ms threshold), drawn over the chart area. */
export function thresholdLinePlugin(line: ThresholdLine): Plugin<'bar' | 'line'> {
  return {
    // One per line: a chart may draw two (the lab's threshold and live calls').
    id: `thresholdLine-${line.scale}-${line.value}`,
    afterDatasetsDraw(chart: Chart) {
      const scale = chart.scales[line.scale]
      if (!scale) return
      const { left, right, top, bottom } = chart.chartArea
      const at = scale.getPixelForValue(line.value)
      if (line.scale === 'y' ? at < top || at > bottom : at < left || at > right) return
      const { ctx } = chart
      ctx.save()
      ctx.strokeStyle = line.color
      ctx.fillStyle = line.color
      ctx.lineWidth = 1.5
      ctx.setLineDash([6, 4])
      ctx.beginPath()
      if (line.scale === 'y') {
        ctx.moveTo(left, at)
        ctx.lineTo(right, at)
      } else {
        ctx.moveTo(at, top)
        ctx.lineTo(at, bottom)
      }
      ctx.stroke()
      ctx.font = '600 11px system-ui, sans-serif'
      ctx.textAlign = 'left'
      ctx.setLineDash([])
      const width = ctx.measureText(line.label).width
      // Where the text starts, and its baseline: above the line at the right, or beside it.
      const [x, y] = line.scale === 'y' ? [right - 4 - width, at - 4] : [at + 4, top + 10]
      if (line.plate) {
        ctx.fillStyle = line.plate
        ctx.fillRect(x - 3, y - 10, width + 6, 13)
        ctx.fillStyle = line.color
      }
      ctx.fillText(line.label, x, y)
      ctx.restore()
    }
  }
}
