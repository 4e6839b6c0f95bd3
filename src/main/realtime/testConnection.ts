import { providerEngine, type AppSettings } from '../../shared/settings/settingsSchema'
import type { ConnectionTest } from '../../shared/settings/connectionTest'
import { KeyOriginError, keyForRequest, type BoundKey } from '../secrets/keyForRequest'
import { providerEndpoints, type ProviderEndpoints } from './providerEndpoints'

const TIMEOUT_MS = 10_000

/** One request that proves the key (and, where it can, the model) without billing anything. */
interface Probe {
  url: string
  init: RequestInit
  model: string
  /** false: the request reaches the service with the key but cannot name the model. */
  checksModel: boolean
}

/**
 * Realtime: the way a call starts, by minting a short-lived client secret (nothing is billed
 * until a session runs). GPT-Live has no client secret and bills a session from its creation,
 * so the key and model are checked by reading the model; Azure names deployments, which its
 * models list does not, so there only the key and endpoint are checked.
 */
function probeFor(settings: AppSettings, endpoints: ProviderEndpoints, key: string): Probe {
  if (providerEngine(settings.provider) === 'live') {
    const azure = settings.provider.kind === 'azure'
    return {
      url: azure
        ? endpoints.modelsUrl
        : `${endpoints.modelsUrl}/${encodeURIComponent(settings.liveModel)}`,
      init: { method: 'GET', headers: endpoints.authHeaders(key) },
      model: azure ? endpoints.model : settings.liveModel,
      checksModel: !azure
    }
  }
  return {
    url: endpoints.clientSecretsUrl,
    init: {
      method: 'POST',
      headers: { ...endpoints.authHeaders(key), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        expires_after: { anchor: 'created_at', seconds: 10 },
        session: { type: 'realtime', model: endpoints.model }
      })
    },
    model: endpoints.model,
    checksModel: true
  }
}

/** Checks the provider, the key and the model of the chosen engine. Every failure says what to fix. */
export async function testConnection(
  settings: AppSettings,
  storedKey: BoundKey | undefined,
  fetchImpl: typeof fetch = fetch
): Promise<ConnectionTest> {
  const endpoints = providerEndpoints(settings.provider, settings.model)
  let key: string | undefined
  try {
    key = keyForRequest(storedKey, endpoints.modelsUrl)
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
  const probe = probeFor(settings, endpoints, key)
  const started = performance.now()
  let response: Response
  try {
    response = await fetchImpl(probe.url, {
      ...probe.init,
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
    const origin = new URL(probe.url).origin
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
    model: probe.model,
    ...(probe.checksModel ? {} : { modelChecked: false }),
    message: probe.checksModel
      ? `Connected: ${probe.model} answered in ${ms} ms.`
      : `Connected in ${ms} ms: the key works. ${probe.model} is checked when a call starts.`
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
