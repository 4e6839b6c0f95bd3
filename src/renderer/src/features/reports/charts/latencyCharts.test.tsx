import { afterEach, describe, expect, it } from 'vitest'
import type { ReportSummary } from '@shared/analytics/reportSchemas'
import { i18next, labValueLabeller } from '@renderer/i18n'
import { createAppTheme } from '@renderer/app/theme'
import { chartPaletteOf } from './chartPalette'
import {
  latencyByScenarioChart,
  latencyHistogramChart,
  latencyPerSessionChart,
  sessionAt
} from './latencyCharts'

const scaleKpis = (slowThresholdMs: number, sessions: number) => ({
  sessions,
  timedSessions: sessions,
  avgP50Ms: sessions ? 120 : null,
  avgP95Ms: sessions ? 210 : null,
  slowThresholdMs,
  slowSessions: sessions ? 1 : 0,
  slowSharePct: sessions ? 50 : null
})

const SUMMARY: ReportSummary = {
  kpis: {
    sessions: 2400,
    timedSessions: 2400,
    avgP50Ms: 120,
    avgP95Ms: 210,
    slowThresholdMs: 200,
    slowSessions: 1,
    slowSharePct: 50,
    latency: { live: scaleKpis(800, 0), imported: scaleKpis(200, 2400) },
    negativeSessions: 0,
    negativeSharePct: 0,
    ragSessions: 0,
    ragUsagePct: 0,
    avgInterruptions: 0
  },
  latencyPerSession: {
    bucketed: true,
    points: [
      {
        firstSessionId: 'S-0001',
        lastSessionId: 'S-1200',
        sessions: 1200,
        untimedSessions: 0,
        liveSessions: 0,
        p50Ms: 118.25,
        p95Ms: 205.5,
        maxP95Ms: 390
      }
    ]
  },
  histogram: {
    binWidthMs: 50,
    bins: [{ fromMs: 100, toMs: 150, p50Sessions: 1200, p95Sessions: 0 }]
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
  ],
  sentiments: [],
  interruptionsBySentiment: [],
  interruptionsVsSentiment: [],
  rag: [],
  languages: [],
  overTime: { undatedSessions: 0, days: [] }
}

const t = () => i18next.getFixedT(null, 'reports')
const label = () => labValueLabeller(i18next.getFixedT(null, 'common'), i18next.resolvedLanguage!)
const palette = chartPaletteOf(createAppTheme('light'))
const axisTitle = (spec: ReturnType<typeof latencyByScenarioChart>, axis: 'x' | 'y'): unknown =>
  (spec.options.scales?.[axis] as { title?: { text?: unknown } } | undefined)?.title?.text

describe('latency chart specs', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en')
  })

  it('name the sessions on the per-session axis by id, not 1…N', () => {
    const runs = [
      { x: 1, sessions: 1, first: 'S01' },
      { x: 2, sessions: 1, first: 'S02' },
      { x: 102, sessions: 100, first: 'S03' }
    ]
    expect(sessionAt(runs, 1)).toBe('S01')
    expect(sessionAt(runs, 2)).toBe('S02')
    expect(sessionAt(runs, 50)).toBe('S03')
    expect(sessionAt(runs, 102)).toBe('S03')
    expect(sessionAt(runs, 103)).toBeUndefined()
    expect(sessionAt(runs, 0)).toBeUndefined()
    const chart = latencyPerSessionChart(SUMMARY, t(), palette)
    const ticks = (
      chart.options as { scales: { x: { ticks: { callback: (v: number) => string } } } }
    ).scales.x.ticks
    expect(ticks.callback(600)).toBe('S-0001')
  })

  it('keep their English titles, axes, headers and figures', () => {
    const spec = latencyByScenarioChart(SUMMARY, t(), palette, label())
    expect(spec.question).toBe('Which scenarios are slowest?')
    expect(axisTitle(spec, 'y')).toBe('Mean latency (ms)')
    expect(spec.columns.map((c) => c.label)).toEqual([
      'Scenario',
      'Sessions',
      'Mean P50',
      'Mean P95',
      'Slow (P95 over threshold)'
    ])
    expect(spec.rows[0]?.cells).toEqual(['Product inquiry', '1,500', '120.5 ms', '210.0 ms', '1'])
    expect(latencyPerSessionChart(SUMMARY, t(), palette).caption).toContain(
      '2,400 sessions in 1 runs'
    )
  })

  it('speak French, with French numbers and scenario names', async () => {
    await i18next.changeLanguage('fr')
    const byScenario = latencyByScenarioChart(SUMMARY, t(), palette, label())
    expect(byScenario.question).toBe('Quels scénarios sont les plus lents ?')
    expect(axisTitle(byScenario, 'x')).toBe('Scénario')
    expect(axisTitle(byScenario, 'y')).toBe('Latence moyenne (ms)')
    expect(byScenario.data.datasets.map((d) => d.label)).toEqual(['P50 moyen', 'P95 moyen'])
    const row = byScenario.rows[0]
    expect(row?.cells[0]).toBe('Question produit')
    expect(row?.cells[1]).toMatch(/^1\s500$/)
    expect(row?.cells[2]).toBe('120,5 ms')
    expect(row?.drill?.label).toBe('scénario Question produit')
    // The label is for reading; the drill-down still filters on the stored code.
    expect(row?.drill?.filter).toEqual({ scenario: ['product_inquiry'] })

    const perSession = latencyPerSessionChart(SUMMARY, t(), palette)
    expect(perSession.question).toBe('Quels appels semblent lents (P95 au-delà de leur seuil) ?')
    expect(axisTitle(perSession, 'x')).toBe('Session (dans l’ordre des ID)')
    expect(perSession.caption).toMatch(/^Latence P50 et P95 \(ms\) de 2\s400 sessions/)
    expect(perSession.data.datasets.map((d) => d.label)).toContain('P95, pire de la série')
    // Its table rows are formatted on first read (the table is usually hidden), in French.
    const [run] = perSession.rows
    expect(run?.cells[0]).toBe('S-0001 – S-1200')
    expect(run?.cells[1]).toMatch(/^1\s200$/)
    expect(run?.cells.slice(2)).toEqual(['118,2 ms', '205,5 ms', '390,0 ms'])
    expect(perSession.rows).toBe(perSession.rows)

    const histogram = latencyHistogramChart(SUMMARY, t(), palette)
    expect(histogram.question).toBe('À quelle vitesse vont les réponses, session par session ?')
    expect(axisTitle(histogram, 'y')).toBe('Sessions')
    expect(histogram.columns[1]?.label).toBe('Sessions selon le P50')
  })

  it('draw a gap for a call with no counted turn, and each scale its own threshold', () => {
    const mixed: ReportSummary = {
      ...SUMMARY,
      kpis: {
        ...SUMMARY.kpis,
        latency: { live: scaleKpis(800, 1), imported: scaleKpis(200, 1) }
      },
      latencyPerSession: {
        bucketed: false,
        points: [
          { ...point('IMP-1', 90, 150), liveSessions: 0 },
          { ...point('LIVE-1', 410, 900), liveSessions: 1 },
          {
            ...point('LIVE-2', null, null),
            liveSessions: 1,
            untimedSessions: 1
          }
        ]
      }
    }
    const chart = latencyPerSessionChart(mixed, t(), palette)
    const p95 = chart.data.datasets[1]!.data as { y: number | null }[]
    expect(p95.map((p) => p.y)).toEqual([150, 900, null])
    expect(chart.rows[2]?.cells).toEqual(['LIVE-2', 'no counted turn', 'no counted turn'])
    expect(chart.plugins?.map((plugin) => plugin.id)).toEqual([
      'thresholdLine-y-800',
      'thresholdLine-y-200'
    ])
    expect(chart.caption).toContain('lab 200 ms, live calls 800 ms')
    // Only the lab's line when the filter holds no live call.
    expect(latencyPerSessionChart(SUMMARY, t(), palette).plugins?.map((p) => p.id)).toEqual([
      'thresholdLine-y-200'
    ])
  })
})

function point(id: string, p50Ms: number | null, p95Ms: number | null) {
  return {
    firstSessionId: id,
    lastSessionId: id,
    sessions: 1,
    untimedSessions: 0,
    liveSessions: 0,
    p50Ms,
    p95Ms,
    maxP95Ms: p95Ms
  }
}
