import type { IncomingMessage, ServerResponse } from 'node:http'
import { invalidRequest } from '../protocol/apiErrors'
import { sendApiError, sendJson } from './httpIo'

/** Which API a path imitates: Azure's paths start with /openai/v1. */
export type Flavor = 'openai' | 'azure'

/** The key a request carries: `Authorization: Bearer …`, or Azure's `api-key` header. */
export function readCredential(req: IncomingMessage, flavor: Flavor): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (bearer) return bearer
  const apiKey = req.headers['api-key']
  return flavor === 'azure' && typeof apiKey === 'string' && apiKey ? apiKey : null
}

/** How each service refuses a key: OpenAI's `invalid_api_key` body, or Azure's `401` body. */
export function refuseCredential(
  res: ServerResponse,
  flavor: Flavor,
  key: string | null,
  reason = 'Incorrect API key provided'
): void {
  if (flavor === 'azure')
    return sendJson(res, 401, {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'
      }
    })
  if (key === null)
    return sendApiError(
      res,
      401,
      invalidRequest(
        null,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
      )
    )
  sendApiError(
    res,
    401,
    invalidRequest(
      'invalid_api_key',
      `${reason}: ${redact(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    )
  )
}

/** Like the API, shows only the ends of a wrong key. */
function redact(key: string): string {
  return key.length <= 8
    ? '*'.repeat(key.length)
    : `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`
}
