import type { CallStartResult } from '../../shared/realtime/callStart'
import type { AppSettings } from '../../shared/settings/settingsSchema'
import { KeyOriginError, keyForRequest, type BoundKey } from '../secrets/keyForRequest'
import { apiErrorMessage, networkCause } from './apiError'
import { buildSessionConfig } from './buildSessionConfig'
import { providerEndpoints } from './providerEndpoints'

const TIMEOUT_MS = 15_000
/** Short: the secret only gates the session start (protocol doc §2, "mint per call"). */
const SECRET_TTL_S = 60

type Failure = Extract<CallStartResult, { ok: false }>

export interface StartCallDeps {
  settings: AppSettings
  key: BoundKey | undefined
  offerSdp: string
  fetchImpl?: typeof fetch
}

/**
 * Starts a WebRTC call for the renderer (protocol doc §1, variant A): mints a client secret with
 * the stored key, posts the renderer's SDP offer with the `ek_` bearer and returns the answer and
 * the call id from `Location`. An SDP POST refused with 401 gets one fresh secret (it may have
 * expired on a slow machine) before giving up.
 */
export async function startCall(deps: StartCallDeps): Promise<CallStartResult> {
  const { settings, offerSdp } = deps
  const fetchImpl = deps.fetchImpl ?? fetch
  const { provider } = settings
  if (provider.kind === 'demo')
    return fail('refused', 'The demo agent was not started for this call. Try again.')
  const endpoints = providerEndpoints(provider, settings.model)
  let revealed: string | undefined
  try {
    revealed = keyForRequest(deps.key, endpoints.clientSecretsUrl)
  } catch (error) {
    if (!(error instanceof KeyOriginError)) throw error
    return fail('no_key', error.message)
  }
  const key = revealed
  if (!key) return fail('no_key', 'No API key is stored for this provider: enter one in Settings.')
  const session = buildSessionConfig(settings, endpoints.model)
  const origin = new URL(endpoints.callsUrl).origin

  const post = async (
    url: string,
    init: RequestInit
  ): Promise<{ res: Response; body: string } | Failure> => {
    try {
      // redirect 'error': a redirect would carry the key's header to wherever it points.
      const res = await fetchImpl(url, {
        ...init,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error'
      })
      return { res, body: await res.text() }
    } catch (error) {
      return fail(
        'unreachable',
        `Could not reach ${origin} (${networkCause(error)}). Check the endpoint and the network.`
      )
    }
  }

  const mint = async (): Promise<string | Failure> => {
    const answer = await post(endpoints.clientSecretsUrl, {
      method: 'POST',
      headers: { ...endpoints.authHeaders(key), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        expires_after: { anchor: 'created_at', seconds: SECRET_TTL_S },
        session
      })
    })
    if ('ok' in answer) return answer
    const { res, body } = answer
    const detail = apiErrorMessage(body)
    if (res.status === 401 || res.status === 403)
      return fail(
        'bad_key',
        `The API key was refused (${res.status}${detail ? `: ${detail}` : ''}). Check it in Settings.`,
        res.status
      )
    if (!res.ok)
      return fail(
        'refused',
        `The service refused the session (${res.status}${detail ? `: ${detail}` : ''}). Check the model, deployment and settings.`,
        res.status
      )
    const value = parseSecret(body)
    return value ?? fail('refused', 'The service answered without a client secret.', res.status)
  }

  const exchange = async (secret: string): Promise<CallStartResult> => {
    const answer = await post(endpoints.callsUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/sdp' },
      body: offerSdp
    })
    if ('ok' in answer) return answer
    const { res, body } = answer
    const detail = apiErrorMessage(body)
    if (res.status === 401 || res.status === 403)
      return fail(
        'secret_expired',
        `The call's client secret was refused (${res.status}${detail ? `: ${detail}` : ''}). Try again.`,
        res.status
      )
    // Checked before the renderer's setRemoteDescription: an error body would fail there as an
    // unparsable SDP (protocol doc §3).
    const callId = res.headers.get('Location')?.split('/').pop()
    if (!res.ok || !body.startsWith('v=') || !callId)
      return fail(
        'sdp_refused',
        `The service refused the call's audio offer (${res.status}${detail ? `: ${detail}` : ''}).`,
        res.status
      )
    return {
      ok: true,
      answerSdp: body,
      callId,
      model: endpoints.model,
      provider: provider.kind,
      engine: 'realtime'
    }
  }

  const first = await mint()
  if (typeof first !== 'string') return first
  const result = await exchange(first)
  if (result.ok || result.kind !== 'secret_expired') return result
  const second = await mint()
  return typeof second === 'string' ? exchange(second) : second
}

function parseSecret(body: string): string | null {
  try {
    const value = (JSON.parse(body) as { value?: unknown }).value
    return typeof value === 'string' && value.startsWith('ek_') ? value : null
  } catch {
    return null
  }
}

function fail(kind: Failure['kind'], message: string, status?: number): Failure {
  return status === undefined ? { ok: false, kind, message } : { ok: false, kind, status, message }
}
