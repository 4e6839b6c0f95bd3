import type { IncomingMessage } from 'node:http'

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
    'access-control-allow-headers': 'authorization, api-key, content-type',
    'access-control-expose-headers': 'location'
  }
}
