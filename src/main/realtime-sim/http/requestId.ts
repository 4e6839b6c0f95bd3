import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'

/**
 * Every API answer names its request in `x-request-id` (`req_` + 32 hex), the id OpenAI's SDKs
 * surface on errors (`error.request_id`) and support asks for. Set before any route writes.
 */
export function stampRequestId(res: ServerResponse): string {
  const id = `req_${randomBytes(16).toString('hex')}`
  res.setHeader('x-request-id', id)
  return id
}
