import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { computeLabReportPage } from '@shared/analytics/labReport'
import { mockApi, ok } from '@renderer/test/mockApi'
import { AppShell } from './AppShell'
import { i18next } from '@renderer/i18n'

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
})
