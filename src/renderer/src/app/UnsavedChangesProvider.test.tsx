import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { computeLabReportPage } from '@shared/analytics/labReport'
import { defaultSettings } from '@shared/settings/settingsSchema'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { AppShell } from './AppShell'
import { AppThemeProvider } from './AppThemeProvider'

const SAVED = { ...defaultSettings(), provider: { kind: 'demo' as const } }
const CONSOLE = {
  'app.info': ok({ version: '0.1.0', dataDir: '/data', runtime: 'electron' }),
  'app.leavePrompt': ok(null),
  'sessions.list': ok({ rows: [], total: 0 }),
  'sessions.facets': ok({ scenario: [], sentiment: [], language: [], model: [], source: [] }),
  'recording.unfinalized': ok([]),
  'analytics.labReport': ok(computeLabReportPage([], 0)),
  'settings.get': ok({ settings: SAVED, problem: null }),
  'secrets.status': ok({
    available: true,
    backend: 'test',
    reason: null,
    stored: { openai: false, azure: false, custom: false },
    origins: { openai: null, azure: null, custom: null }
  }),
  'team.status': ok({
    available: true,
    reason: null,
    passwordServer: null,
    defaultSeat: 'maria',
    database: { backend: 'sqlite', fallbackReason: null, unreachableReason: null }
  })
}

const rail = (name: string): HTMLElement =>
  within(screen.getByRole('navigation', { name: i18next.t('nav.label') })).getByRole('button', {
    name
  })
const modelField = (): HTMLInputElement =>
  screen.getByRole<HTMLInputElement>('textbox', { name: 'Model' })
/** Dispatches beforeunload as a closing window or a reload does; true when the page objected. */
const unloadRefused = (): boolean => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

async function openSettingsAndEdit(): Promise<void> {
  fireEvent.click(rail('Settings'))
  fireEvent.change(await screen.findByRole('textbox', { name: 'Model' }), {
    target: { value: 'gpt-realtime-mini' }
  })
}

describe('unsaved changes', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it('asks before leaving edited settings; Keep editing keeps them, Discard drops them', async () => {
    mockApi(CONSOLE)
    render(<AppShell />, { wrapper: AppThemeProvider })
    expect(unloadRefused()).toBe(false)
    await openSettingsAndEdit()
    expect(unloadRefused()).toBe(true)

    fireEvent.click(rail('Reports'))
    const dialog = screen.getByRole('dialog', { name: 'Leave without saving?' })
    expect(dialog.textContent).toContain('Your changes to the settings are not saved.')
    // The highlighted default keeps the edits: Enter on the dialog does not lose them.
    const keep = within(dialog).getByRole('button', { name: 'Keep editing' })
    expect(document.activeElement).toBe(keep)
    fireEvent.click(keep)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(rail('Settings').getAttribute('aria-current')).toBe('page')
    expect(modelField().value).toBe('gpt-realtime-mini')

    fireEvent.click(rail('Sessions'))
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(rail('Sessions').getAttribute('aria-current')).toBe('page'))
    expect(unloadRefused()).toBe(false)
    fireEvent.click(rail('Settings'))
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Model' })).value).toBe(
      SAVED.model
    )
  })

  it('leaves without asking once the edits are saved or undone', async () => {
    mockApi({ ...CONSOLE, 'settings.save': ok({ ...SAVED, model: 'gpt-realtime-mini' }) })
    render(<AppShell />, { wrapper: AppThemeProvider })
    await openSettingsAndEdit()
    fireEvent.change(modelField(), { target: { value: SAVED.model } })
    expect(unloadRefused()).toBe(false)
    fireEvent.change(modelField(), { target: { value: 'gpt-realtime-mini' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(unloadRefused()).toBe(false))
    fireEvent.click(rail('Sessions'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(rail('Sessions').getAttribute('aria-current')).toBe('page')
  })

  it('counts a typed but unsaved key, and hands main the prompt in the UI language', async () => {
    const request = mockApi(CONSOLE)
    await i18next.changeLanguage('fr')
    render(<AppShell />, { wrapper: AppThemeProvider })
    fireEvent.click(rail(i18next.t('nav.settings')))
    fireEvent.mouseDown(await screen.findByLabelText('Fournisseur'))
    fireEvent.click(within(screen.getByRole('listbox')).getAllByRole('option')[0]!)
    fireEvent.change(await screen.findByTestId('api-key-openai'), { target: { value: 'sk-typed' } })
    await waitFor(() =>
      expect(request).toHaveBeenLastCalledWith('app.leavePrompt', {
        prompt: {
          title: 'Quitter sans enregistrer\u00a0?',
          detail:
            'Vos modifications des paramètres ne sont pas enregistrées. ' +
            "La clé d'API saisie n'est pas enregistrée. " +
            'Continuez pour enregistrer, ou abandonnez et poursuivez.',
          discard: 'Abandonner les modifications',
          keepEditing: 'Continuer à modifier'
        }
      })
    )
    fireEvent.click(rail('Sessions'))
    fireEvent.click(screen.getByRole('button', { name: 'Abandonner les modifications' }))
    await waitFor(() =>
      expect(request).toHaveBeenLastCalledWith('app.leavePrompt', { prompt: null })
    )
  })
})
