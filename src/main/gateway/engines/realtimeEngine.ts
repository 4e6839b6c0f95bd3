import type OpenAI from 'openai'
import type { CallAcceptParams } from 'openai/resources/realtime/calls'
import type { RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime'
import type { RealtimeSessionConfig } from '../../../shared/realtime/sessionConfig'
import { sidebandUrl } from '../../../shared/realtime/sidebandUrl'
import type { AppSettings } from '../../../shared/settings/settingsSchema'
import { buildSessionConfig } from '../../realtime/buildSessionConfig'
import type { GatewayEngine } from './GatewayEngine'
import { RealtimeSideband } from './realtimeSideband'

/**
 * The desk's session, from the instance's settings. Cast for the SDK: it types
 * `noise_reduction` as an object or absent, where the API also takes null (off), as sent to
 * `client_secrets` by a desk.
 */
function sessionConfig(settings: AppSettings): CallAcceptParams & { model: string } {
  const session: RealtimeSessionConfig = buildSessionConfig(settings, settings.model)
  return { ...(session as CallAcceptParams), model: settings.model }
}

/**
 * The Realtime GA API (`client.realtime.calls`): a phone call accepted with the desk's session
 * (instructions, voice, VAD, the catalog tools), a web call created from the page's audio-only
 * offer, the sideband at `/v1/realtime?call_id=…`.
 */
export function realtimeEngine(client: OpenAI, baseUrl: string): GatewayEngine {
  const calls = client.realtime.calls
  return {
    name: 'realtime',
    webDataChannel: false,
    model: (settings) => settings.model,
    accept: async (callId, settings) => void (await calls.accept(callId, sessionConfig(settings))),
    reject: async (callId, status) => void (await calls.reject(callId, { status_code: status })),
    async createWeb(offerSdp, settings) {
      // The accept's session is the create's: the same RealtimeSessionCreateRequest fields.
      const res = await calls.create({
        sdp: offerSdp,
        session: sessionConfig(settings) as RealtimeSessionCreateRequest
      })
      const callId = res.headers.get('location')?.split('/').pop()
      if (!callId) throw new Error('the API answered without a call id (Location)')
      return { callId, sdp: await res.text() }
    },
    refer: async (callId, targetUri) => void (await calls.refer(callId, { target_uri: targetUri })),
    hangup: (callId) => calls.hangup(callId).then(() => undefined),
    sidebandUrl: (callId) => sidebandUrl(baseUrl, callId),
    joined: () => null,
    protocol: () => new RealtimeSideband()
  }
}
