import { describe, expect, it } from 'vitest'
import { testConnection } from '../../../src/main/realtime/testConnection'
import { keyInMemory } from '../../../src/main/secrets/keyForRequest'
import { ConnectionTestSchema } from '../../../src/shared/settings/connectionTest'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'

// The fields the UI words a test's outcome from, beside main's English sentence (the renderer's
// TestConnectionButton.test reads these same outcomes in English, French and Spanish).

const BASE_URL = 'http://127.0.0.1:9/v1'
const SETTINGS: AppSettings = {
  ...defaultSettings(),
  provider: { kind: 'custom', baseUrl: BASE_URL }
}
const answering =
  (status: number, body: string): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } })
const apiError = (message: string): string => JSON.stringify({ error: { message } })
const refusedConnection: typeof fetch = async () => {
  throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })
}

describe('testConnection outcome fields', () => {
  it('keeps the service error text apart from its own sentence', async () => {
    const badKey = await testConnection(
      SETTINGS,
      keyInMemory('sk-wrong', BASE_URL),
      answering(401, apiError('Incorrect API key provided.'))
    )
    expect(badKey).toEqual({
      ok: false,
      kind: 'bad_key',
      status: 401,
      detail: 'Incorrect API key provided.',
      message: 'The key was refused (401: Incorrect API key provided.).'
    })
    const refused = await testConnection(
      SETTINGS,
      keyInMemory('sk-right', BASE_URL),
      answering(400, apiError('Invalid model: gpt-nope'))
    )
    expect(refused).toEqual({
      ok: false,
      kind: 'refused',
      status: 400,
      detail: 'Invalid model: gpt-nope',
      message:
        'The service answered 400: Invalid model: gpt-nope. Check the model or deployment name.'
    })
    for (const outcome of [badKey, refused])
      expect(ConnectionTestSchema.parse(outcome)).toEqual(outcome)
  })

  it('has no detail when the service gave no error text', async () => {
    expect(
      await testConnection(SETTINGS, keyInMemory('sk-wrong', BASE_URL), answering(403, '{}'))
    ).toEqual({
      ok: false,
      kind: 'bad_key',
      status: 403,
      message: 'The key was refused (403).'
    })
    expect(
      await testConnection(
        SETTINGS,
        keyInMemory('sk-right', BASE_URL),
        answering(502, 'bad gateway')
      )
    ).toEqual({
      ok: false,
      kind: 'refused',
      status: 502,
      message: 'The service answered 502. Check the model or deployment name.'
    })
  })

  it("names the address tried and the network's reason when unreachable", async () => {
    const outcome = await testConnection(
      SETTINGS,
      keyInMemory('sk-right', BASE_URL),
      refusedConnection
    )
    expect(outcome).toEqual({
      ok: false,
      kind: 'unreachable',
      origin: 'http://127.0.0.1:9',
      cause: 'connect ECONNREFUSED 127.0.0.1:9',
      message:
        'Could not reach http://127.0.0.1:9 (connect ECONNREFUSED 127.0.0.1:9). Check the endpoint and the network.'
    })
    expect(ConnectionTestSchema.parse(outcome)).toEqual(outcome)
  })

  it('refuses an unknown field in the outcome schema', () => {
    const outcome = { ok: false, kind: 'refused', message: 'x', extra: 1 }
    expect(ConnectionTestSchema.safeParse(outcome).success).toBe(false)
  })
})
