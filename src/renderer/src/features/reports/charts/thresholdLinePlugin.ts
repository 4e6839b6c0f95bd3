import type { Chart, Plugin } from 'chart.js'

interface ThresholdLine {
  /** The scale the value sits on: 'y' draws a horizontal line, 'x' a vertical one. */
  scale: 'x' | 'y'
  value: number
  label: string
  color: string
}

/** A dashed reference line (the 200 ms threshold), drawn over the chart area. */
export function thresholdLinePlugin(line: ThresholdLine): Plugin<'bar' | 'line'> {
  return {
    id: 'thresholdLine',
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
      ctx.textAlign = line.scale === 'y' ? 'right' : 'left'
      if (line.scale === 'y') ctx.fillText(line.label, right - 4, at - 4)
      else ctx.fillText(line.label, at + 4, top + 10)
      ctx.restore()
    }
  }
}
