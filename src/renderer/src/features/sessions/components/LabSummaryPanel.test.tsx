import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { computeLabReportPage } from '@shared/analytics/labReport'
import type { LabSession } from '@shared/sessions/labSchema'
import { LabSummaryPanel } from './LabSummaryPanel'

const session = (id: string, overrides: Partial<LabSession>): LabSession => ({
  session_id: id,
  scenario: 'faq',
  duration_sec: 30,
  latency_p50_ms: 80,
  latency_p95_ms: 150,
  interruptions: 0,
  turns: 4,
  sentiment: 'positive',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'en',
  ...overrides
})

const figure = (testId: string): string | null => screen.getByTestId(testId).textContent

describe('LabSummaryPanel', () => {
  afterEach(cleanup)

  it("prints the report's figures as the lab rounds them", () => {
    const report = computeLabReportPage(
      [
        session('S1', { latency_p50_ms: 85, latency_p95_ms: 170, interruptions: 1 }),
        session('S2', {
          latency_p50_ms: 90,
          latency_p95_ms: 210,
          sentiment: 'negative',
          interruptions: 3
        }),
        session('S3', {
          latency_p50_ms: 95,
          latency_p95_ms: 240.25,
          sentiment: 'negative',
          interruptions: 4,
          rag_used: false
        }),
        session('S4', { latency_p50_ms: 88, latency_p95_ms: 180, interruptions: 0 }),
        session('S5', {
          latency_p50_ms: 75,
          latency_p95_ms: 150,
          sentiment: 'neutral',
          interruptions: 0
        }),
        session('S6', {
          latency_p50_ms: 80,
          latency_p95_ms: 160,
          interruptions: 0,
          rag_used: false
        })
      ],
      0
    )
    render(<LabSummaryPanel report={report} loading={false} />)

    expect(figure('kpi-total')).toBe('6')
    expect(figure('kpi-avg-p50')).toBe('85.5') // 513 / 6
    expect(figure('kpi-avg-p95')).toBe('185.0') // 1110.25 / 6 = 185.04…
    expect(figure('kpi-slow')).toBe('2')
    expect(figure('kpi-negative')).toBe('2')
    expect(figure('kpi-rag')).toBe('67%')
    expect(figure('kpi-interruptions-negative')).toBe('3.50')
    expect(figure('kpi-interruptions-positive')).toBe('0.33')
    expect(screen.getByText('Slow (P95 > 200 ms)'))
  })

  it('rounds group means half up, as the lab shows them (and as the CLI prints them)', () => {
    const report = computeLabReportPage(
      [
        session('S1', { sentiment: 'negative', interruptions: 0 }),
        session('S2', { sentiment: 'negative', interruptions: 0 }),
        session('S3', { sentiment: 'negative', interruptions: 0 }),
        session('S4', { sentiment: 'negative', interruptions: 0 }),
        session('S5', { sentiment: 'negative', interruptions: 0 }),
        session('S6', { sentiment: 'negative', interruptions: 0 }),
        session('S7', { sentiment: 'negative', interruptions: 0 }),
        session('S8', { sentiment: 'negative', interruptions: 1 })
      ],
      0
    )
    render(<LabSummaryPanel report={report} loading={false} />)
    expect(figure('kpi-interruptions-negative')).toBe('0.13') // 0.125, like the lab's 0.625 → 0.63
    expect(figure('kpi-interruptions-positive')).toBe('—')
  })

  it('prints a dash for figures that do not exist', () => {
    render(<LabSummaryPanel report={computeLabReportPage([], 0)} loading={false} />)
    expect(figure('kpi-total')).toBe('0')
    expect(figure('kpi-avg-p50')).toBe('—')
    expect(figure('kpi-avg-p95')).toBe('—')
    expect(figure('kpi-slow')).toBe('0')
    expect(figure('kpi-negative')).toBe('0')
    expect(figure('kpi-rag')).toBe('—')
    expect(figure('kpi-interruptions-negative')).toBe('—')
  })

  it('shows dashes and progress before the first report arrives', () => {
    render(<LabSummaryPanel report={undefined} loading />)
    for (const id of ['kpi-total', 'kpi-avg-p50', 'kpi-slow', 'kpi-negative', 'kpi-rag'])
      expect(figure(id)).toBe('—')
    expect(screen.getByRole('progressbar', { name: 'Updating summary' }))
  })
})
