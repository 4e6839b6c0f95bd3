import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { computeLabReportPage } from '@shared/analytics/labReport'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import type { BoardSnapshot } from '@shared/team/boardSnapshot'
import { emit, mockApi, ok } from '@renderer/test/mockApi'
import { AppShell } from './AppShell'
import { i18next } from '@renderer/i18n'

/** What the Sessions screen and the footer read when the console opens. */
const OPENING = {
  'app.info': ok({ version: '0.1.0', dataDir: '/data', runtime: 'electron' }),
  'sessions.list': ok({ rows: [], total: 0 }),
  'sessions.facets': ok({ scenario: [], sentiment: [], language: [], model: [], source: [] }),
  'recording.unfinalized': ok([]),
  'analytics.labReport': ok(computeLabReportPage([], 0))
}

const unsettled = (count: number): StoredAlert[] =>
  Array.from({ length: count }, (_, i) => ({
    alertId: i + 1,
    sessionId: `LIVE-20261125-143012-${i}`,
    rule: 'interruptions_total',
    severity: 'warning',
    raisedAt: '2026-11-25T14:31:00.000Z',
    reason: 'Caller interrupted 3 times',
    evidence: { items: [], figures: {} },
    status: 'open',
    actionBy: null,
    actionAt: null,
    actionNote: null,
    seat: null,
    callEnded: false
  }))

const BOARD: BoardSnapshot = {
  takenAt: '2026-11-25T14:31:00.000Z',
  channel: 'connected',
  staleAfterMs: 6_000,
  calls: []
}

describe('AppShell', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it('opens on Sessions with every screen available, and shows the data folder', async () => {
    mockApi({
      'app.info': ok({
        version: '0.1.0',
        dataDir: '/home/agent/.voice-console',
        runtime: 'electron'
      }),
      'sessions.list': ok({ rows: [], total: 0 }),
      'sessions.facets': ok({ scenario: [], sentiment: [], language: [], model: [], source: [] }),
      'recording.unfinalized': ok([]),
      'analytics.labReport': ok(computeLabReportPage([], 0))
    })
    render(<AppShell />)

    const rail = screen.getByRole('navigation', { name: 'Screens' })
    const sessions = within(rail).getByRole('button', { name: 'Sessions' })
    expect(sessions.getAttribute('aria-current')).toBe('page')
    expect(
      within(rail).getByRole('button', { name: 'Live call' }).getAttribute('aria-disabled')
    ).not.toBe('true')
    expect(
      within(rail).getByRole('button', { name: 'Monitor' }).getAttribute('aria-disabled')
    ).not.toBe('true')

    await waitFor(() =>
      expect(screen.getByTestId('data-dir').textContent).toBe('/home/agent/.voice-console')
    )
    await waitFor(() => expect(screen.getByTestId('session-total').textContent).toBe('0'))
    expect(screen.getByRole('button', { name: 'Import CSV' }))
    expect(screen.getByRole('button', { name: 'Export CSV' }))
  })

  it('shows a failed request as an alert instead of crashing', async () => {
    mockApi({
      'app.info': ok({ version: '0.1.0', dataDir: '/data', runtime: 'electron' }),
      'sessions.list': { ok: false, error: { code: 'failed', message: 'database is locked' } },
      'sessions.facets': ok({ scenario: [], sentiment: [], language: [], model: [], source: [] }),
      'recording.unfinalized': ok([]),
      'analytics.labReport': ok(computeLabReportPage([], 0))
    })
    render(<AppShell />)
    const alert = await screen.findByTestId('ipc-error')
    expect(alert.textContent).toContain('database is locked')
    expect(within(alert).getByRole('button', { name: 'Retry' }))
  })

  it('switches the whole console to Spanish and French from the rail, and remembers it', async () => {
    mockApi({
      'app.info': ok({ version: '0.1.0', dataDir: '/data', runtime: 'electron' }),
      'sessions.list': ok({ rows: [], total: 0 }),
      'sessions.facets': ok({ scenario: [], sentiment: [], language: [], model: [], source: [] }),
      'recording.unfinalized': ok([]),
      'analytics.labReport': ok(computeLabReportPage([], 0))
    })
    render(<AppShell />)
    const pick = async (option: string): Promise<void> => {
      fireEvent.mouseDown(within(screen.getByTestId('ui-language')).getByRole('combobox'))
      fireEvent.click(await screen.findByRole('option', { name: option }))
    }
    await pick('Español')
    const rail = await screen.findByRole('navigation', { name: 'Pantallas' })
    expect(within(rail).getByRole('button', { name: 'Ajustes' }))
    expect(document.documentElement.lang).toBe('es')
    expect(localStorage.getItem('ui-language')).toBe('es')
    await waitFor(() => expect(screen.getByText('Carpeta de datos:')))

    await pick('Français')
    expect(await screen.findByRole('navigation', { name: 'Écrans' }))
    expect(localStorage.getItem('ui-language')).toBe('fr')
  })

  it('badges Monitor with the unsettled alerts, and counts again as alerts come and go', async () => {
    const request = mockApi({
      ...OPENING,
      'team.board': ok(BOARD),
      'alerts.list': [ok(unsettled(3)), ok(unsettled(4)), ok(unsettled(1)), ok([])]
    })
    render(<AppShell />)
    const badge = await screen.findByLabelText('3 unsettled alerts')
    expect(badge.textContent).toBe('3')
    expect(request).toHaveBeenCalledWith('alerts.list', {
      status: ['open', 'acknowledged'],
      limit: expect.any(Number)
    })
    emit('team.alertRaised', { ...unsettled(4)[3]!, seat: 'desk-b' })
    expect((await screen.findByLabelText('4 unsettled alerts')).textContent).toBe('4')
    emit('alerts.changed', { alert: null, action: null, bySeat: null })
    expect((await screen.findByLabelText('1 unsettled alert')).textContent).toBe('1')
    await act(() => i18next.changeLanguage('fr'))
    expect(screen.getByLabelText('1 alerte non traitée'))
    emit('alerts.changed', { alert: null, action: null, bySeat: null })
    await waitFor(() => expect(screen.queryByTestId('monitor-badge')).toBeNull())
  })

  it('offers the Wallboard only when this console records on the team database', async () => {
    mockApi({ ...OPENING, 'team.board': ok(null), 'alerts.list': ok([]) })
    render(<AppShell />)
    const rail = screen.getByRole('navigation', { name: 'Screens' })
    await waitFor(() => expect(screen.getByTestId('session-total').textContent).toBe('0'))
    expect(within(rail).queryByRole('button', { name: 'Wallboard' })).toBeNull()
    cleanup()

    mockApi({ ...OPENING, 'team.board': ok(BOARD), 'alerts.list': ok([]) })
    render(<AppShell />)
    const teamRail = screen.getByRole('navigation', { name: 'Screens' })
    fireEvent.click(await within(teamRail).findByRole('button', { name: 'Wallboard' }))
    expect(await screen.findByTestId('wallboard-empty'))
  })
})
