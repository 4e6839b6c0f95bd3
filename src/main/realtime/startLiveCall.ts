import type { LiveCreateParams, LiveCreateResponse } from 'openai/resources/live/live'
import type { CallStartResult } from '../../shared/realtime/callStart'
import type { AppSettings } from '../../shared/settings/settingsSchema'
import { KeyOriginError, keyForRequest, type BoundKey } from '../secrets/keyForRequest'
import { apiErrorMessage, networkCause } from './apiError'
import { buildLiveSessionConfig } from './buildLiveSessionConfig'
import { providerEndpoints } from './providerEndpoints'

const TIMEOUT_MS = 15_000

type Failure = Extract<CallStartResult, { ok: false }>

export interface StartLiveCallDeps {
  settings: AppSettings
  key: BoundKey | undefined
  offerSdp: string
  fetchImpl?: typeof fetch
}

/**
 * Starts a GPT-Live WebRTC call for the renderer: one `POST /live/sessions` (Azure:
 * `/openai/v1/live/sessions`) with the stored key, the session config and the page's SDP offer,
 * answered with the session id and the SDP answer. GPT-Live has no ephemeral client keys, so
 * the key is used here, in main, and never reaches the page.
 */
export async function startLiveCall(deps: StartLiveCallDeps): Promise<CallStartResult> {
  const { settings, offerSdp } = deps
  const fetchImpl = deps.fetchImpl ?? fetch
  const { provider } = settings
  if (provider.kind === 'demo')
    return fail('refused', 'The demo agent speaks the Realtime API only. Choose Realtime.')
  const endpoints = providerEndpoints(provider, settings.liveModel)
  const url = endpoints.liveSessionsUrl
  let key: string | undefined
  try {
    key = keyForRequest(deps.key, url)
  } catch (error) {
    if (!(error instanceof KeyOriginError)) throw error
    return fail('no_key', error.message)
  }
  if (!key) return fail('no_key', 'No API key is stored for this provider: enter one in Settings.')
  const body: LiveCreateParams = {
    session: buildLiveSessionConfig(settings, endpoints.model),
    transport: { type: 'webrtc', sdp: offerSdp }
  }
  let res: Response
  let text: string
  try {
    // redirect 'error': a redirect would carry the key's header to wherever it points.
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { ...endpoints.authHeaders(key), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error'
    })
    text = await res.text()
  } catch (error) {
    return fail(
      'unreachable',
      `Could not reach ${new URL(url).origin} (${networkCause(error)}). Check the endpoint and the network.`
    )
  }
  const detail = apiErrorMessage(text)
  const because = `${res.status}${detail ? `: ${detail}` : ''}`
  if (res.status === 401 || res.status === 403)
    return fail(
      'bad_key',
      `The API key was refused (${because}). Check it in Settings.`,
      res.status
    )
  if (!res.ok)
    return fail(
      'refused',
      `The service refused the GPT-Live session (${because}). Check the model, deployment and settings.`,
      res.status
    )
  const created = parseCreated(text)
  // Checked before the page's setRemoteDescription, where a bad answer fails as unparsable SDP.
  if (!created)
    return fail('sdp_refused', `The service answered without a GPT-Live session and SDP answer.`)
  return {
    ok: true,
    answerSdp: created.transport.sdp,
    callId: created.session.id,
    model: endpoints.model,
    provider: provider.kind,
    engine: 'live'
  }
}

function parseCreated(body: string): LiveCreateResponse | null {
  try {
    const parsed = JSON.parse(body) as Partial<LiveCreateResponse>
    const sdp = parsed.transport?.sdp
    const id = parsed.session?.id
    return typeof sdp === 'string' && sdp.startsWith('v=') && typeof id === 'string' && id
      ? { session: { id }, transport: { type: 'webrtc', sdp } }
      : null
  } catch {
    return null
  }
}

function fail(kind: Failure['kind'], message: string, status?: number): Failure {
  return status === undefined ? { ok: false, kind, message } : { ok: false, kind, status, message }
}
