import { type IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * Answers a WebSocket upgrade with a plain HTTP response, as the API refuses a handshake
 * (401 for a bad key, 404 for an unknown call), reusing the HTTP routes' error writers.
 */
export function refuseUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  write: (res: ServerResponse) => void
): void {
  socket.on('error', () => socket.destroy())
  const res = new ServerResponse(req)
  res.shouldKeepAlive = false
  res.assignSocket(socket as never)
  res.on('finish', () => {
    res.detachSocket(socket as never)
    socket.end()
  })
  write(res)
}
