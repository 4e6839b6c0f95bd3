import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReportAlerts } from '@shared/analytics/reportSchemas'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { AlertsSection } from './AlertsSection'

// jsdom has no canvas: the charts' table views carry the same figures.
vi.mock('./ReportChart', () => ({ ReportChart: () => null }))

const FIGURES: ReportAlerts = {
  sessions: 1200,
  alerts: 1534,
  alertedSessions: 3,
  escalatedSessions: 67,
  escalationRatePct: (67 / 1200) * 100,
  escalatedSessionIds: ['LIVE-20261124-090000-aaaa'],
  perDay: [
    {
      day: '2026-11-24',
      rule: 'human_request',
      alerts: 1534,
      sessions: 1,
      sessionIds: ['LIVE-20261124-090000-aaaa']
    }
  ],
  firstAction: {
    actedSessions: 2,
    unactedSessions: 1,
    medianMs: 80_000,
    p90Ms: 112_000,
    bins: [
      { fromMs: 0, toMs: 30_000, sessions: 0, sessionIds: [] },
      { fromMs: 30_000, toMs: 60_000, sessions: 1, sessionIds: ['LIVE-20261124-090000-aaaa'] },
      { fromMs: 900_000, toMs: null, sessions: 1, sessionIds: null }
    ]
  }
}

const kpi = (id: string) => screen.getByTestId(`report-alert-kpi-${id}`).textContent

function renderSection(figures: ReportAlerts, onDrill = vi.fn()) {
  mockApi({ 'reports.alerts': ok(figures) })
  render(
    <AlertsSection
      filter={{}}
      revision={0}
      onDrill={onDrill}

      onRetry={() => {}}
    />
  )
  return onDrill
}

describe('AlertsSection', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('prints the KPIs and opens the escalated calls', async () => {
    const onDrill = renderSection(FIGURES)
    await screen.findByTestId('report-alert-kpi-alerts')
    expect(kpi('alerts')).toBe('1,534')
    expect(kpi('escalation-rate')).toBe('5.6%')
    expect(kpi('first-action-median')).toBe('1 min 20 sec')
    expect(kpi('first-action-p90')).toBe('1 min 52 sec')
    screen.getByRole('button', { name: 'Open the sessions behind “Escalation rate”' }).click()
    expect(onDrill).toHaveBeenCalledWith({
      label: 'Escalation rate',
      filter: { sessionIds: ['LIVE-20261124-090000-aaaa'] }
    })
  })

  it('says alerts come from live calls when there are none', async () => {
    renderSection({ ...FIGURES, alerts: 0, alertedSessions: 0, perDay: [] })
    expect((await screen.findByTestId('report-alerts-empty')).textContent).toMatch(
      /Alerts come from live calls/
    )
  })

  it('speaks Spanish, with Spanish numbers', async () => {
    await i18next.changeLanguage('es')
    renderSection(FIGURES)
    await screen.findByTestId('report-alert-kpi-alerts')
    expect(screen.getByRole('heading', { name: 'Alertas' })).toBeTruthy()
    expect(kpi('alerts')).toBe('1534')
    expect(kpi('escalation-rate')).toBe('5,6\u00a0%')
    const card = screen.getByTestId('chart-alerts-per-day')
    expect(within(card).getByRole('heading').textContent).toBe('¿Qué reglas saltan y qué días?')
  })
})
