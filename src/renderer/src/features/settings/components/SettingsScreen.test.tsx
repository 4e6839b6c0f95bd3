import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings, type AppSettings } from '@shared/settings/settingsSchema'
import { i18next } from '@renderer/i18n'
import { AppProviders } from '@renderer/test/AppProviders'
import { mockApi, ok } from '@renderer/test/mockApi'
import { SettingsScreen } from './SettingsScreen'

const NO_KEYS = {
  available: true,
  backend: 'test',
  reason: null,
  stored: { openai: false, azure: false, custom: false },
  origins: { openai: null, azure: null, custom: null }
}
const withProvider = (provider: AppSettings['provider']): AppSettings => ({
  ...defaultSettings(),
  provider
})

function answer(settings: AppSettings, connection = { ok: true, ms: 1234, model: 'demo-agent' }) {
  return mockApi({
    'settings.get': ok({ settings, problem: null }),
    'secrets.status': ok(NO_KEYS),
    'team.status': ok({
      available: true,
      reason: null,
      passwordServer: null,
      defaultSeat: 'maria',
      database: { backend: 'sqlite', fallbackReason: null, unreachableReason: null }
    }),
    'settings.save': ok(settings),
    'settings.testConnection': ok({ ...connection, message: 'from main' })
  })
}

// The first MUI render in jsdom takes seconds on a loaded 2-vCPU machine: a generous timeout.
describe('SettingsScreen', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it('offers the demo agent, which needs no key, and saves it', async () => {
    const request = answer(withProvider({ kind: 'openai' }))
    render(<SettingsScreen />, { wrapper: AppProviders })
    await screen.findByTestId('api-key-openai')

    fireEvent.mouseDown(screen.getByLabelText('Provider'))
    const options = within(screen.getByRole('listbox')).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual([
      'OpenAI',
      'Azure OpenAI',
      'Custom (OpenAI-compatible, e.g. the local simulator)',
      'Demo agent — local simulator, no key'
    ])
    fireEvent.click(options[3]!)

    expect(screen.queryByTestId('api-key-openai')).toBeNull()
    expect(screen.getByTestId('demo-agent-note').textContent).toContain(
      'No key needed: a scripted agent runs on this computer'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.save', withProvider({ kind: 'demo' }))
    )
  })

  it('records call audio only once the desk opts in, and says what is kept and where', async () => {
    const request = answer(withProvider({ kind: 'openai' }))
    render(<SettingsScreen />, { wrapper: AppProviders })
    const optIn = (await screen.findByLabelText(
      'Record call audio (both sides)'
    )) as HTMLInputElement
    expect(optIn.checked).toBe(false)
    expect(screen.getByText(/Opus in WebM, about 200 KB a minute/).id).toBe(
      optIn.getAttribute('aria-describedby')
    )
    fireEvent.click(optIn)
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.save', {
        ...withProvider({ kind: 'openai' }),
        recordAudio: true
      })
    )
  })

  it("switches the catalog's vectors to the provider's endpoint, with a model and a size", async () => {
    const request = answer(withProvider({ kind: 'openai' }))
    render(<SettingsScreen />, { wrapper: AppProviders })
    const model = await screen.findByLabelText('Embeddings model')
    expect((model as HTMLInputElement).disabled).toBe(true)

    fireEvent.mouseDown(screen.getByLabelText('Vectors for hybrid search'))
    fireEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: "Provider's embeddings endpoint"
      })
    )
    expect((model as HTMLInputElement).disabled).toBe(false)
    fireEvent.mouseDown(screen.getByLabelText('Dimensions'))
    const sizes = within(screen.getByRole('listbox')).getAllByRole('option')
    expect(sizes.map((o) => o.textContent)).toEqual(['256', '512', '1024', '1536'])
    fireEvent.click(sizes[0]!)
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.save', {
        ...withProvider({ kind: 'openai' }),
        embeddings: { source: 'provider', model: 'text-embedding-3-small', dimensions: 256 }
      })
    )
  })

  it('asks, naming the new host, before a saved endpoint change moves a stored key', async () => {
    const settings = withProvider({ kind: 'custom', baseUrl: 'https://a.example.com/v1' })
    const request = mockApi({
      'settings.get': ok({ settings, problem: null }),
      'secrets.status': ok({
        ...NO_KEYS,
        stored: { ...NO_KEYS.stored, custom: true },
        origins: { ...NO_KEYS.origins, custom: 'https://a.example.com' }
      }),
      'settings.save': ok(settings)
    })
    render(<SettingsScreen />, { wrapper: AppProviders })
    expect((await screen.findByTestId('api-key-state-custom')).textContent).toContain(
      'It is sent only to https://a.example.com.'
    )
    const baseUrl = screen.getByLabelText(/Base URL/)
    fireEvent.change(baseUrl, { target: { value: 'https://b.example.com/v1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    const dialog = await screen.findByTestId('key-origin-dialog')
    expect(within(dialog).getByRole('heading').textContent).toBe(
      'Send the key to https://b.example.com?'
    )
    expect(request).not.toHaveBeenCalledWith('settings.save', expect.anything())
    const moved = withProvider({ kind: 'custom', baseUrl: 'https://b.example.com/v1' })

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Send the stored key to https://b.example.com' })
    )
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.save', {
        ...moved,
        keyForNewOrigin: { confirmOrigin: 'https://b.example.com' }
      })
    )

    // Or the key typed again, which goes in the same request.
    fireEvent.change(screen.getByLabelText(/Base URL/), {
      target: { value: 'https://b.example.com/v1' }
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }))
    const again = await screen.findByTestId('key-origin-dialog')
    fireEvent.change(within(again).getByTestId('key-origin-key'), {
      target: { value: 'sk-for-b-0123456789' }
    })
    fireEvent.click(within(again).getByRole('button', { name: 'Save with this key' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('settings.save', {
        ...moved,
        keyForNewOrigin: { apiKey: 'sk-for-b-0123456789' }
      })
    )
  })

  it('reads in Spanish and French, numbers in the UI language', async () => {
    await i18next.changeLanguage('es')
    answer(withProvider({ kind: 'demo' }))
    render(<SettingsScreen />, { wrapper: AppProviders })
    expect(await screen.findByRole('heading', { name: 'Ajustes' })).toBeTruthy()
    expect(screen.getByLabelText('Proveedor')).toBeTruthy()
    expect(screen.getByTestId('demo-agent-note').textContent).toContain(
      'No hace falta clave: un agente con guion se ejecuta en este ordenador'
    )
    expect(screen.getByRole('button', { name: 'Guardar configuración' })).toBeTruthy()
    cleanup()

    await i18next.changeLanguage('fr')
    answer(withProvider({ kind: 'custom', baseUrl: 'http://example.com/v1' }))
    render(<SettingsScreen />, { wrapper: AppProviders })
    await screen.findByRole('heading', { name: 'Réglages' })
    // The schema's message, translated; the field path is data and stays as it is.
    expect(screen.getByTestId('settings-invalid').textContent).toBe(
      'provider.baseUrl: doit être en https://, ou en http:// sur 127.0.0.1 / localhost'
    )
    expect(screen.getByTestId('api-key-state-custom').textContent).toBe('Aucune clé enregistrée.')
    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }))
    // 1234 ms with French digit grouping (a narrow no-break space).
    expect((await screen.findByTestId('connection-test')).textContent).toBe(
      'Connecté : demo-agent a répondu en 1\u202f234 ms.'
    )
  })
})
