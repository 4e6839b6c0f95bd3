import type { AppSettings } from '../../shared/settings/settingsSchema'
import type { ConnectionTest } from '../../shared/settings/connectionTest'
import { KeyOriginError, keyForRequest, type BoundKey } from '../secrets/keyForRequest'
import { providerEndpoints } from './providerEndpoints'

const TIMEOUT_MS = 10_000

/**
 * Checks the provider, the key and the model the way a call starts: by minting a short-lived
 * client secret (nothing is billed until a session runs). Every failure says what to fix.
 */
export async function testConnection(
  settings: AppSettings,
  storedKey: BoundKey | undefined,
  fetchImpl: typeof fetch = fetch
): Promise<ConnectionTest> {
  const endpoints = providerEndpoints(settings.provider, settings.model)
  let key: string | undefined
  try {
    key = keyForRequest(storedKey, endpoints.clientSecretsUrl)
  } catch (error) {
    if (!(error instanceof KeyOriginError)) throw error
    return {
      ok: false,
      kind: 'key_origin',
      origin: error.requestOrigin,
      keyOrigin: error.boundOrigin,
      message: error.message
    }
  }
  if (!key)
    return {
      ok: false,
      kind: 'no_key',
      message: 'No API key is stored for this provider: enter one and save it.'
    }
  const started = performance.now()
  let response: Response
  try {
    response = await fetchImpl(endpoints.clientSecretsUrl, {
      method: 'POST',
      headers: { ...endpoints.authHeaders(key), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        expires_after: { anchor: 'created_at', seconds: 10 },
        session: { type: 'realtime', model: endpoints.model }
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      // A redirect would carry the key's header to wherever it points.
      redirect: 'error'
    })
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error)
    const origin = new URL(endpoints.clientSecretsUrl).origin
    return {
      ok: false,
      kind: 'unreachable',
      origin,
      cause,
      message: `Could not reach ${origin} (${cause}). Check the endpoint and the network.`
    }
  }
  const ms = Math.round(performance.now() - started)
  const text = await response.text()
  const apiMessage = errorMessage(text)
  if (response.status === 401 || response.status === 403)
    return {
      ok: false,
      kind: 'bad_key',
      status: response.status,
      ...(apiMessage ? { detail: apiMessage } : {}),
      message: `The key was refused (${response.status}${apiMessage ? `: ${apiMessage}` : ''}).`
    }
  if (!response.ok)
    return {
      ok: false,
      kind: 'refused',
      status: response.status,
      ...(apiMessage ? { detail: apiMessage } : {}),
      message: `The service answered ${response.status}${apiMessage ? `: ${apiMessage}` : ''}. Check the model or deployment name.`
    }
  return {
    ok: true,
    ms,
    model: endpoints.model,
    message: `Connected: ${endpoints.model} answered in ${ms} ms.`
  }
}

function errorMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } }
    return typeof parsed.error?.message === 'string' ? parsed.error.message : null
  } catch {
    return null
  }
}
