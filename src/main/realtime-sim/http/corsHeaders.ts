import type { IncomingMessage } from 'node:http'

/**
 * Request headers a browser page may send to the API routes: what our test page sends, plus
 * `x-openai-agents-sdk`, which the Agents SDK's WebRTC transport adds to every SDP POST (a
 * preflight that refuses it stops the SDK from connecting at all).
 */
const ALLOWED_REQUEST_HEADERS = ['authorization', 'api-key', 'content-type', 'x-openai-agents-sdk']
/** Response headers the page may read: the call's URL, and the id to quote in a bug report. */
const EXPOSED_HEADERS = ['location', 'x-request-id']

/**
 * CORS for the API routes, only for the one page origin the simulator was told to allow (a
 * page that POSTs the SDP itself, variant B). None by default: main and Node talk to it without
 * CORS, and the test page is same-origin. Never `*`, never on /sim/ routes.
 */
export function corsHeaders(
  req: IncomingMessage,
  allowedOrigin: string | undefined
): Record<string, string> {
  if (!allowedOrigin || req.headers.origin !== allowedOrigin) return {}
  return {
    'access-control-allow-origin': allowedOrigin,
    vary: 'origin',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS.join(', '),
    'access-control-expose-headers': EXPOSED_HEADERS.join(', ')
  }
}
