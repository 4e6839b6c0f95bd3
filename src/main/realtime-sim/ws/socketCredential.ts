import type { IncomingMessage } from 'node:http'
import { type Flavor, readCredential } from '../http/credentials'

/** Browsers cannot set headers on a WebSocket: they send the key as a subprotocol instead. */
const INSECURE_KEY_PROTOCOL = 'openai-insecure-api-key.'

/** The subprotocols a WebSocket upgrade offers (`Sec-WebSocket-Protocol`). */
export function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
}

/** The key of a WebSocket upgrade: the headers an HTTP request carries, or the subprotocol. */
export function readSocketCredential(req: IncomingMessage, flavor: Flavor): string | null {
  const header = readCredential(req, flavor)
  if (header) return header
  const protocol = offeredProtocols(req).find((p) => p.startsWith(INSECURE_KEY_PROTOCOL))
  return protocol ? protocol.slice(INSECURE_KEY_PROTOCOL.length) || null : null
}
