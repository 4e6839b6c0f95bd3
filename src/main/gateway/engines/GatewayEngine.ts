import type { CallChannel } from '../../../shared/live-call/callChannel'
import type { SidebandJoinedObservation } from '../../../shared/live-call/callEvents'
import type { VoiceEngine } from '../../../shared/live-call/voiceEngine'
import type { AppSettings } from '../../../shared/settings/settingsSchema'
import type { SidebandProtocol } from './sidebandProtocol'

/** A web call created at the API: its id (for the sideband and call control) and SDP answer. */
export interface CreatedWebCall {
  callId: string
  sdp: string
}

/**
 * One voice API as the gateway drives it (docs/gateway.md "Two engines"): call control over
 * REST with the standard key (accept or reject a ringing phone call, create a web call from the
 * page's offer, transfer, hang up), where its sideband attaches, and the protocol spoken on it.
 * GatewayCalls, SidebandCall and CallCommandRunner are the same for both engines.
 */
export interface GatewayEngine {
  readonly name: VoiceEngine
  /** The model a new call runs with (and is recorded with), from the instance's settings. */
  model(settings: AppSettings): string
  /** Rejects with the SDK's NotFoundError when the call stopped ringing. */
  accept(callId: string, settings: AppSettings): Promise<void>
  reject(callId: string, statusCode: number): Promise<void>
  createWeb(offerSdp: string, settings: AppSettings): Promise<CreatedWebCall>
  refer(callId: string, targetUri: string): Promise<void>
  /** Ends the call through the API; null when this channel's call is ended on its sideband. */
  hangup(callId: string, channel: CallChannel): Promise<void> | null
  /** `ws(s)://…`: the sideband of a running call, from the API's base. */
  sidebandUrl(callId: string): string
  /**
   * Recorded first on a new call: GPT-Live's `sideband.joined` (a phone call's sideband attaches
   * after its session started, so it never shows `session.started`); null for Realtime.
   */
  joined(callId: string, model: string): SidebandJoinedObservation | null
  /** A fresh protocol state for one sideband. */
  protocol(): SidebandProtocol
  /**
   * Whether the customer page's offer carries a data channel: GPT-Live's WebRTC session talks
   * on one (locked to no events for the untrusted page); Realtime's page sends audio only.
   */
  readonly webDataChannel: boolean
}

/** The API's base without /v1 (`https://api.openai.com`) → the WebSocket origin and path. */
export function socketUrl(baseUrl: string, path: string): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${path}`)
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:'
  return url
}
