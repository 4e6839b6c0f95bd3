import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionTest } from '@shared/settings/connectionTest'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { TestConnectionButton } from './TestConnectionButton'

// Outcomes as main's testConnection returns them (test/unit/settings/connectionTestFields
// checks main builds exactly these): in English the UI reads main's sentence, in French and
// Spanish its own, quoting the service's text as the service wrote it.

const OUTCOMES = {
  badKey: {
    ok: false,
    kind: 'bad_key',
    status: 401,
    detail: 'Incorrect API key provided.',
    message: 'The key was refused (401: Incorrect API key provided.).'
  },
  badKeyBare: {
    ok: false,
    kind: 'bad_key',
    status: 403,
    message: 'The key was refused (403).'
  },
  refused: {
    ok: false,
    kind: 'refused',
    status: 400,
    detail: 'Invalid model: gpt-nope',
    message:
      'The service answered 400: Invalid model: gpt-nope. Check the model or deployment name.'
  },
  refusedBare: {
    ok: false,
    kind: 'refused',
    status: 502,
    message: 'The service answered 502. Check the model or deployment name.'
  },
  unreachable: {
    ok: false,
    kind: 'unreachable',
    origin: 'http://127.0.0.1:9',
    cause: 'connect ECONNREFUSED 127.0.0.1:9',
    message:
      'Could not reach http://127.0.0.1:9 (connect ECONNREFUSED 127.0.0.1:9). Check the endpoint and the network.'
  },
  keyOrigin: {
    ok: false,
    kind: 'key_origin',
    origin: 'https://b.example.com',
    keyOrigin: 'https://a.example.com',
    message:
      'The stored key was entered for https://a.example.com, so it was not sent to https://b.example.com. Enter the key again for this endpoint.'
  },
  keyUnbound: {
    ok: false,
    kind: 'key_origin',
    origin: 'https://b.example.com',
    keyOrigin: null,
    message:
      'The stored key is not bound to an endpoint yet, so it was not sent to https://b.example.com. Save the settings to confirm the endpoint, or enter the key again.'
  },
  noKey: {
    ok: false,
    kind: 'no_key',
    message: 'No API key is stored for this provider: enter one and save it.'
  },
  connected: {
    ok: true,
    ms: 842,
    model: 'gpt-realtime',
    message: 'Connected: gpt-realtime answered in 842 ms.'
  },
  connectedKeyOnly: {
    ok: true,
    ms: 95,
    model: 'og-live',
    modelChecked: false,
    message: 'Connected in 95 ms: the key works. og-live is checked when a call starts.'
  }
} satisfies Record<string, ConnectionTest>

async function shown(result: ConnectionTest): Promise<string | null> {
  mockApi({ 'settings.testConnection': ok(result) })
  render(<TestConnectionButton disabled={false} />)
  fireEvent.click(screen.getByRole('button'))
  const text = (await screen.findByTestId('connection-test')).textContent
  cleanup()
  return text
}

describe('TestConnectionButton', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it.each(Object.entries(OUTCOMES))(
    'shows %s in English exactly as main words it',
    async (_n, result) => {
      expect(await shown(result)).toBe(result.message)
    }
  )

  it('words each failure in French, quoting the service', async () => {
    await i18next.changeLanguage('fr')
    expect(await shown(OUTCOMES.badKey)).toBe(
      'Le service a refusé la clé (401 : « Incorrect API key provided. »).'
    )
    expect(await shown(OUTCOMES.badKeyBare)).toBe('Le service a refusé la clé (403).')
    expect(await shown(OUTCOMES.refusedBare)).toBe(
      'Le service a répondu 502. Vérifiez le nom du modèle ou du déploiement.'
    )
    expect(await shown(OUTCOMES.unreachable)).toBe(
      'Impossible de joindre http://127.0.0.1:9 (connect ECONNREFUSED 127.0.0.1:9). Vérifiez le point de terminaison et le réseau.'
    )
    expect(await shown(OUTCOMES.keyOrigin)).toBe(
      'La clé enregistrée a été saisie pour https://a.example.com : elle n’a pas été envoyée à https://b.example.com. Saisissez de nouveau la clé pour ce point de terminaison.'
    )
  })

  it('words a refused model and a success in Spanish, the time locale-formatted', async () => {
    await i18next.changeLanguage('es')
    expect(await shown(OUTCOMES.refused)).toBe(
      'El servicio respondió 400: «Invalid model: gpt-nope». Compruebe el nombre del modelo o de la implementación.'
    )
    // 12345 ms with Spanish grouping (a dot).
    expect(await shown({ ...OUTCOMES.connected, ms: 12_345 })).toBe(
      'Conectado: gpt-realtime respondió en 12.345 ms.'
    )
  })

  it("keeps main's English for an outcome without the fields to word it", async () => {
    await i18next.changeLanguage('es')
    const bare = {
      ok: false,
      kind: 'unreachable',
      message: 'Could not reach the service.'
    } as const
    expect(await shown(bare)).toBe('Could not reach the service.')
  })

  it('says a failed request in the UI language', async () => {
    await i18next.changeLanguage('es')
    mockApi({})
    render(<TestConnectionButton disabled={false} />)
    fireEvent.click(screen.getByRole('button'))
    expect((await screen.findByTestId('connection-test')).textContent).toBe(
      'Ruta desconocida: settings.testConnection'
    )
  })
})
