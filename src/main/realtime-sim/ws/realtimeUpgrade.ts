import type { IncomingMessage, Server } from 'node:http'
import type { Server as TlsServer } from 'node:https'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { EphemeralKeys } from '../auth/EphemeralKeys'
import { newId } from '../call/ids'
import type { CallHub } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { LiveUpgrades } from '../live/liveSockets'
import { type Flavor, refuseCredential } from '../http/credentials'
import { sendApiError } from '../http/httpIo'
import { invalidRequest } from '../protocol/apiErrors'
import { createSession, type EffectiveSession } from '../session/effectiveSession'
import { attachSideband } from './attachSideband'
import { refuseUpgrade } from './refuseUpgrade'
import { readSocketCredential } from './socketCredential'
import { startSocketCall } from './startSocketCall'

export interface RealtimeSocketContext {
  /** GPT-Live's upgrades (`/v1/live/sessions…`), tried first. */
  live?: LiveUpgrades
  apiKey: string
  keys: EphemeralKeys
  hub: CallHub
  log: GroundTruthLog
}

const REALTIME_PATH = /^(\/openai)?\/v1\/realtime$/

/** What an upgrade asks for once its key checked out. */
type Admission =
  | { kind: 'call'; session: EffectiveSession }
  | { kind: 'sideband'; callId: string }
  | { kind: 'refused'; write: Parameters<typeof refuseUpgrade>[2] }

/**
 * The WebSocket side of `/v1/realtime` (and Azure's `/openai/v1/realtime`): `?model=…` opens a
 * call on the socket; `?call_id=…` attaches a sideband to a live call, with the standard key
 * only. Refusals are HTTP answers to the handshake, as the API gives them.
 */
export function serveRealtimeSockets(
  server: Server | TlsServer,
  ctx: RealtimeSocketContext
): () => void {
  const sockets = new WebSocketServer({
    noServer: true,
    // Browsers offer `realtime` plus the key as a subprotocol; the API picks `realtime`.
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false)
  })
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (ctx.live?.handle(req, socket, head, url)) return
    const path = REALTIME_PATH.exec(url.pathname)
    if (!path)
      return refuseUpgrade(req, socket, (res) =>
        sendApiError(res, 404, invalidRequest(null, `Invalid URL (GET ${url.pathname})`))
      )
    const admission = admit(req, url, path[1] ? 'azure' : 'openai', ctx)
    if (admission.kind === 'refused') return refuseUpgrade(req, socket, admission.write)
    sockets.handleUpgrade(req, socket, head, (ws) => {
      if (admission.kind === 'call')
        return void startSocketCall(ws, admission.session, ctx.hub, ctx.log)
      const session = ctx.hub.session(admission.callId)
      if (!session) return ws.close(1000, 'call ended')
      attachSideband(ws, admission.callId, session, ctx.hub, ctx.log)
    })
  }
  server.on('upgrade', onUpgrade)
  return () => {
    server.off('upgrade', onUpgrade)
    ctx.live?.close()
    for (const client of sockets.clients) client.terminate()
    sockets.close()
  }
}

function admit(
  req: IncomingMessage,
  url: URL,
  flavor: Flavor,
  ctx: RealtimeSocketContext
): Admission {
  const key = readSocketCredential(req, flavor)
  const callId = url.searchParams.get('call_id')
  const isStandard = key === ctx.apiKey
  const secret = !isStandard && key?.startsWith('ek_') ? ctx.keys.check(key) : null
  if (!isStandard && secret?.status !== 'valid') {
    const reason = secret?.status === 'expired' ? 'Ephemeral key has expired' : undefined
    return { kind: 'refused', write: (res) => refuseCredential(res, flavor, key, reason) }
  }
  if (callId !== null) {
    const call = ctx.hub.call(callId)
    // An ek_ is refused here as if the call did not exist (reported by API users).
    if (!isStandard || !call || call.transport === 'websocket')
      return {
        kind: 'refused',
        write: (res) =>
          sendApiError(res, 404, {
            ...invalidRequest('call_id_not_found', 'No session found for the provided call_id'),
            param: ''
          })
      }
    return { kind: 'sideband', callId }
  }
  // A secret may start several calls; each call's session (and ground-truth id) is its own.
  if (secret?.status === 'valid')
    return { kind: 'call', session: { ...secret.session, id: newId('sess') } }
  const model = url.searchParams.get('model') ?? 'gpt-realtime'
  return { kind: 'call', session: createSession({ type: 'realtime', model }) }
}
