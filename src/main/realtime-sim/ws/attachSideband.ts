import { WebSocket } from 'ws'
import type { CallSession } from '../call/CallSession'
import { newId } from '../call/ids'
import type { CallHub } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { messageText } from './socketTransport'

/**
 * A sideband on a live call (`/v1/realtime?call_id=…`): the socket receives every event the
 * call sends from now on (no `session.created`: the session already exists) and its client
 * events act on the same session. Several sidebands may watch one call; each sees everything.
 */
export function attachSideband(
  socket: WebSocket,
  callId: string,
  session: CallSession,
  hub: CallHub,
  log: GroundTruthLog
): void {
  const sidebandId = newId('sideband')
  const stopObserving = session.observe((text) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(text)
  })
  let detached = false
  let stopWatching = (): void => {}
  // Once per sideband: when the simulator closes it (the call ended), recorded before the close
  // frame goes out, so a client that saw the close finds it in the ground truth; else when the
  // client's side closed it.
  const detach = (code: number): void => {
    if (detached) return
    detached = true
    stopObserving()
    stopWatching()
    log.record(callId, {
      kind: 'sideband',
      state: 'detached',
      sideband_id: sidebandId,
      detail: `websocket closed (${code})`
    })
  }
  stopWatching = hub.onEnded(callId, () => {
    detach(1000)
    socket.close(1000, 'call ended')
  })
  log.record(callId, { kind: 'sideband', state: 'attached', sideband_id: sidebandId })
  socket.on('message', (data) => session.receive(messageText(data), 'sideband'))
  socket.on('error', () => socket.terminate())
  socket.on('close', (code) => detach(code))
}
