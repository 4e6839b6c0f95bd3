import type { IncomingMessage, ServerResponse } from 'node:http'
import { type Flavor, readCredential, refuseCredential } from '../http/credentials'
import { sendApiError, sendJson } from '../http/httpIo'
import type { SimRoute } from '../http/simRoute'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import { readJsonBody } from '../sip/readJsonBody'
import { LiveCreateBody, resolveSession } from './liveConfig'
import type { LiveSessions } from './LiveSessions'

const CREATE_PATH = /^(\/openai)?\/v1\/live\/sessions$/

export interface LiveRouteContext {
  apiKey: string
  live: LiveSessions
  nowSeconds: () => number
}

/**
 * `POST /v1/live/sessions` (Azure: `/openai/v1/live/sessions`): `{ session, transport: { type:
 * 'webrtc', sdp } }` → 200 `{ session: { id }, transport: { type: 'webrtc', sdp } }`.
 */
export function liveCreateRoute(ctx: LiveRouteContext): SimRoute {
  return async (req, res, url) => {
    const path = CREATE_PATH.exec(url.pathname)
    if (!path || req.method !== 'POST') return false
    await create(req, res, path[1] ? 'azure' : 'openai', ctx)
    return true
  }
}

async function create(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  ctx: LiveRouteContext
): Promise<void> {
  const key = readCredential(req, flavor)
  if (key !== ctx.apiKey) return refuseCredential(res, flavor, key)
  const body = await readJsonBody(req)
  if (!body.ok) return sendApiError(res, 400, body.error)
  const parsed = LiveCreateBody.safeParse(body.value)
  if (!parsed.success)
    return sendApiError(res, 400, issueToApiError(parsed.error.issues, body.value))
  const { session, transport } = parsed.data
  if (!transport.sdp.startsWith('v=0'))
    return sendApiError(
      res,
      400,
      invalidRequest('invalid_offer', 'The SDP offer could not be parsed.', 'transport.sdp')
    )
  const { id, sdp } = await ctx.live.createWebRtc(transport.sdp, (id) =>
    resolveSession(id, session, ctx.nowSeconds())
  )
  sendJson(res, 200, { session: { id }, transport: { type: 'webrtc', sdp } })
}
