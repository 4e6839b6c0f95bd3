import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { newId } from '../call/ids'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { refuseCredential } from '../http/credentials'
import { sendApiError } from '../http/httpIo'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'
import { refuseUpgrade } from '../ws/refuseUpgrade'
import { readSocketCredential } from '../ws/socketCredential'
import { messageText, socketTransport } from '../ws/socketTransport'
import { parseLiveClientEvent } from './liveClientEvents'
import { resolveSession } from './liveConfig'
import type { LiveSessions } from './LiveSessions'
import { DEFAULT_LIVE_FORMAT } from './liveWireAudio'

const LIVE_SOCKET_PATH = /^(\/openai)?\/v1\/live\/sessions(?:\/([^/]+)\/attach)?$/

export interface LiveSocketContext {
  apiKey: string
  live: LiveSessions
  log: GroundTruthLog
  nowSeconds: () => number
}

/** Upgrades for GPT-Live: the primary WebSocket and the sideband; false = not a Live path. */
export interface LiveUpgrades {
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): boolean
  close(): void
}

/**
 * `GET /v1/live/sessions` (upgrade): a primary WebSocket, started by `session.start`.
 * `GET /v1/live/sessions/{id}/attach` (upgrade): a sideband on a running session, standard key.
 * Azure's paths add `/openai` in front.
 */
export function liveUpgrades(ctx: LiveSocketContext): LiveUpgrades {
  const sockets = new WebSocketServer({ noServer: true })
  return {
    handle(req, socket, head, url) {
      const path = LIVE_SOCKET_PATH.exec(url.pathname)
      if (!path) return false
      const flavor = path[1] ? 'azure' : 'openai'
      const key = readSocketCredential(req, flavor)
      if (key !== ctx.apiKey) {
        refuseUpgrade(req, socket, (res) => refuseCredential(res, flavor, key))
        return true
      }
      const attachTo = path[2] ? decodeURIComponent(path[2]) : null
      if (attachTo !== null && !ctx.live.get(attachTo)) {
        // Inferred wording and code: the guides name no error for an unknown session.
        refuseUpgrade(req, socket, (res) =>
          sendApiError(
            res,
            404,
            invalidRequest('session_not_found', `Live session '${attachTo}' not found.`)
          )
        )
        return true
      }
      sockets.handleUpgrade(req, socket, head, (ws) =>
        attachTo === null ? primary(ws, ctx) : sideband(ws, attachTo, ctx)
      )
      return true
    },
    close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
    }
  }
}

/** Waits for `session.start`, then runs the session on the socket (events and audio). */
function primary(ws: WebSocket, ctx: LiveSocketContext): void {
  let sessionId: string | null = null
  ws.on('error', () => ws.terminate())
  ws.on('close', () => {
    if (sessionId) ctx.live.ended(sessionId)
  })
  ws.on('message', (data) => {
    const text = messageText(data)
    const running = sessionId ? ctx.live.get(sessionId) : undefined
    if (running) return running.session.receive(text)
    const parsed = parseLiveClientEvent(text)
    if (!parsed.ok) return sendSocketError(ws, parsed.error, parsed.clientEventId)
    if (parsed.event.type !== 'session.start')
      return sendSocketError(
        ws,
        invalidRequest(
          'invalid_value',
          'Send session.start first and wait for session.started.',
          'type'
        ),
        parsed.event.event_id ?? null
      )
    const { session: config, event_id: clientEventId } = parsed.event
    const id = newId('live')
    const session = ctx.live.create(
      resolveSession(id, config, ctx.nowSeconds()),
      socketTransport(ws),
      'websocket',
      config.audio?.format ?? DEFAULT_LIVE_FORMAT
    )
    sessionId = id
    ctx.live.register(session, 'websocket', () => ws.close(1000, 'hangup'))
    session.start(clientEventId ?? undefined)
  })
}

/**
 * A trusted server's view of a running session: every event from now on, reflected audio, and
 * its commands acting on the same session. Several sidebands may attach; `graceful_close` is
 * accepted and changes nothing here (the session ends with its primary transport).
 */
function sideband(ws: WebSocket, sessionId: string, ctx: LiveSocketContext): void {
  const entry = ctx.live.get(sessionId)
  if (!entry) return ws.close(1000, 'session ended')
  const sidebandId = newId('sideband')
  const stopObserving = entry.session.observe((text) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(text)
  })
  const stopWatching = ctx.live.onEnded(sessionId, () => ws.close(1000, 'session ended'))
  ctx.log.record(sessionId, { kind: 'sideband', state: 'attached', sideband_id: sidebandId })
  ws.on('message', (data) => entry.session.receive(messageText(data), 'sideband'))
  ws.on('error', () => ws.terminate())
  ws.on('close', (code) => {
    stopObserving()
    stopWatching()
    ctx.log.record(sessionId, {
      kind: 'sideband',
      state: 'detached',
      sideband_id: sidebandId,
      detail: `websocket closed (${code})`
    })
  })
}

/** An `error` event before the session exists (no LiveSession to send it yet). */
function sendSocketError(ws: WebSocket, error: ApiErrorBody, clientEventId: string | null): void {
  const echo = clientEventId ? { client_event_id: clientEventId } : {}
  ws.send(
    JSON.stringify({
      event_id: newId('event'),
      type: 'error',
      error: {
        type: error.type,
        code: error.code ?? 'invalid_request',
        message: error.message,
        ...(error.param !== null && { param: error.param }),
        ...echo
      },
      ...echo
    })
  )
}
