import type { WebSocket } from 'ws'
import type { CallHub } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { EffectiveSession } from '../session/effectiveSession'
import { messageText, socketTransport } from './socketTransport'

/**
 * A call on a WebSocket (`/v1/realtime?model=…`): the socket carries the events both ways and
 * the caller's audio as `input_audio_buffer.append`. Its id in the ground truth is the session
 * id; it takes no sideband (the socket's owner already holds the session).
 */
export function startSocketCall(
  socket: WebSocket,
  session: EffectiveSession,
  hub: CallHub,
  log: GroundTruthLog
): string {
  const callId = session.id
  const call = hub.createSession(callId, session, socketTransport(socket), 'websocket')
  hub.register(callId, {
    transport: 'websocket',
    session: call,
    close: (reason) =>
      reason === 'simulator stopped' ? socket.terminate() : socket.close(1000, reason)
  })
  log.record(callId, { kind: 'call', state: 'connected', detail: 'websocket' })
  socket.on('message', (data) => call.receive(messageText(data)))
  // A broken frame or a reset ends in 'close'; unheard, 'error' would crash the simulator.
  socket.on('error', () => socket.terminate())
  socket.on('close', (code) => {
    hub.end(callId, `websocket closed (${code})`)
    log.record(callId, { kind: 'call', state: 'closed', detail: `websocket closed (${code})` })
  })
  call.open()
  return callId
}
