import type OpenAI from 'openai'
import type { SessionAcceptParams } from 'openai/resources/live/sessions'
import type { AppSettings } from '../../../shared/settings/settingsSchema'
import { buildLiveSessionConfig } from '../../realtime/buildLiveSessionConfig'
import { socketUrl, type GatewayEngine } from './GatewayEngine'
import { LiveSideband } from './liveSideband'

/**
 * The customer page is untrusted: its data channel may neither send nor see any event (SDK
 * `ClientConfig.data_channel`: "startup-only capabilities for an untrusted frontend"; the
 * sideband is not restricted).
 */
const PAGE_SEES_NOTHING = { data_channel: { allowed_client_events: [], allowed_server_events: [] } }

/** The desk's GPT-Live session (model, instructions, voice, client delegation) for SIP's accept. */
function acceptSession(settings: AppSettings): SessionAcceptParams.Session {
  const { model, instructions, audio, delegation } = buildLiveSessionConfig(
    settings,
    settings.liveModel
  )
  return { type: 'live', model, instructions, audio, delegation }
}

/**
 * GPT-Live (`client.live`, docs/gpt-live.md): a phone call (`live.transport.incoming`) accepted
 * with `live.sessions.accept`, a web call created with `live.create` (WebRTC), transfer and
 * hang-up through `live.sessions.refer` / `hangup` (SIP calls), the sideband at
 * `/v1/live/sessions/{id}/attach`. A web call is ended with `session.close` on the sideband:
 * the SDK documents the REST hang-up for SIP calls only.
 */
export function liveEngine(client: OpenAI, baseUrl: string): GatewayEngine {
  const sessions = client.live.sessions
  return {
    name: 'live',
    webDataChannel: true,
    model: (settings) => settings.liveModel,
    accept: (id, settings) => sessions.accept(id, { session: acceptSession(settings) }),
    reject: (id, status) => sessions.reject(id, { status_code: status }),
    async createWeb(offerSdp, settings) {
      const created = await client.live.create({
        session: {
          ...buildLiveSessionConfig(settings, settings.liveModel),
          client: PAGE_SEES_NOTHING
        },
        transport: { type: 'webrtc', sdp: offerSdp }
      })
      return { callId: created.session.id, sdp: created.transport.sdp }
    },
    refer: (id, targetUri) => sessions.refer(id, { target_uri: targetUri }),
    hangup: (id, channel) => (channel === 'phone' ? sessions.hangup(id) : null),
    sidebandUrl(id) {
      const url = socketUrl(baseUrl, `/v1/live/sessions/${encodeURIComponent(id)}/attach`)
      // Asks for a closing handshake when the session ends (SDK SidebandConnectParams).
      url.searchParams.set('graceful_close', 'true')
      return url.href
    },
    joined: (id, model) => ({ type: 'sideband.joined', session: { id, model } }),
    protocol: () => new LiveSideband()
  }
}
