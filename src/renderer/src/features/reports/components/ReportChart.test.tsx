import { cleanup, render, screen } from '@testing-library/react'
import type { Plugin } from 'chart.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next, labValueLabeller } from '@renderer/i18n'
import { createAppTheme } from '@renderer/app/theme'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import { chartPaletteOf } from '../charts/chartPalette'
import { latencyByScenarioChart } from '../charts/latencyCharts'
import type { SpecType } from '../charts/chartSpec'
import { ReportChart } from './ReportChart'

// jsdom has no canvas to draw on: this stand-in keeps what ReportChart hands to chart.js.
const given: { plugins?: Plugin<SpecType>[]; options?: { plugins?: object } } = {}
vi.mock('react-chartjs-2', () => ({
  Chart: (props: Record<string, unknown> & typeof given) => {
    given.plugins = props.plugins
    given.options = props.options
    return (
      <canvas
        role={props['role'] as string}
        aria-label={props['aria-label'] as string}
        data-testid={props['data-testid'] as string}
      />
    )
  }
}))

const SUMMARY = {
  kpis: {
    sessions: 1500,
    slowThresholdMs: 200,
    latency: {
      live: { timedSessions: 0, slowThresholdMs: 800 },
      imported: { timedSessions: 1500, slowThresholdMs: 200 }
    }
  },
  byScenario: [
    {
      scenario: 'product_inquiry',
      sessions: 1500,
      avgP50Ms: 120.5,
      avgP95Ms: 210,
      slowSessions: 1,
      ragSessions: 0,
      ragUsagePct: 0
    }
  ]
} as unknown as ReportSummary

const spec = () =>
  latencyByScenarioChart(
    SUMMARY,
    i18next.getFixedT(null, 'reports'),
    chartPaletteOf(createAppTheme('light')),
    labValueLabeller(i18next.getFixedT(null, 'common'), 'en')
  )

describe('ReportChart', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('labels its canvas in the UI language, pointing to the table view', async () => {
    render(<ReportChart spec={spec()} onDrill={null} sessions={1500} />)
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Which scenarios are slowest? Chart; use "Show as table" for its values.'
    )
    cleanup()
    await i18next.changeLanguage('fr')
    render(<ReportChart spec={spec()} onDrill={null} sessions={1500} />)
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Quels scénarios sont les plus lents ? Graphique ; utilisez « Afficher en tableau » pour lire ses valeurs.'
    )
  })

  it('stamps the canvas with the session count of the figures chart.js drew', () => {
    const { rerender } = render(<ReportChart spec={spec()} onDrill={null} sessions={1500} />)
    const stamp = given.plugins?.find((p) => p.id === 'paintStamp')
    const canvas = screen.getByRole('img') as HTMLCanvasElement
    const draw = (): void =>
      void stamp?.afterRender?.(
        { canvas } as never,
        {} as never,
        (given.options?.plugins as Record<string, object>)['paintStamp'] as never
      )
    draw()
    expect(canvas.dataset['paintedSessions']).toBe('1500')
    // A new summary: the next draw carries its count.
    rerender(<ReportChart spec={spec()} onDrill={null} sessions={26_060} />)
    expect(canvas.dataset['paintedSessions']).toBe('1500')
    draw()
    expect(canvas.dataset['paintedSessions']).toBe('26060')
  })
})
