import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { RealtimeSessionConfig } from '../../../shared/realtime/sessionConfig'
import { type Flavor, readCredential, refuseCredential } from '../http/credentials'
import { sendApiError, sendJson } from '../http/httpIo'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import { createSession } from '../session/effectiveSession'
import type { SimRoute } from '../http/simRoute'
import { readJsonBody } from './readJsonBody'
import type { SipCall } from './SipCall'
import type { SipCalls } from './SipCalls'

const CONTROL_PATH = /^(\/openai)?\/v1\/realtime\/calls\/([^/]+)\/(accept|reject|refer)$/

const RejectBody = z.strictObject({ status_code: z.number().int().min(400).max(699).optional() })
const ReferBody = z.strictObject({
  target_uri: z.string().regex(/^(tel|sip|sips):\S+$/i, 'expected a tel: or sip: URI')
})

/** SIP's 603 Decline: what `reject` sends the caller when no status code is given. */
const DEFAULT_REJECT_STATUS = 603

/**
 * `POST /v1/realtime/calls/{call_id}/accept | reject | refer` with the standard key: the
 * server's decisions on a phone call (hang-up is CallHub's, shared with WebRTC calls).
 */
export function callControlRoute(ctx: { apiKey: string; sip: SipCalls }): SimRoute {
  return async (req, res, url) => {
    const match = CONTROL_PATH.exec(url.pathname)
    if (!match || req.method !== 'POST') return false
    const flavor: Flavor = match[1] ? 'azure' : 'openai'
    const [callId, action] = [match[2]!, match[3] as 'accept' | 'reject' | 'refer']
    const key = readCredential(req, flavor)
    const body = key === ctx.apiKey ? await readJsonBody(req) : null
    const call = ctx.sip.get(callId)
    if (!body) refuseCredential(res, flavor, key)
    else if (!body.ok) sendApiError(res, 400, body.error)
    else if (!call)
      sendApiError(
        res,
        404,
        invalidRequest('call_id_not_found', 'No session found for the provided call_id')
      )
    else if (action === 'accept') accept(res, call, body.value)
    else if (action === 'reject') reject(res, call, body.value)
    else refer(res, call, body.value)
    return true
  }
}

function accept(res: ServerResponse, call: SipCall, raw: unknown): void {
  const parsed = RealtimeSessionConfig.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'ringing') return wrongState(res, call)
  call.accept(createSession(parsed.data))
  sendJson(res, 200, {})
}

function reject(res: ServerResponse, call: SipCall, raw: unknown): void {
  const parsed = RejectBody.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'ringing') return wrongState(res, call)
  call.reject(parsed.data.status_code ?? DEFAULT_REJECT_STATUS)
  sendJson(res, 200, {})
}

function refer(res: ServerResponse, call: SipCall, raw: unknown): void {
  const parsed = ReferBody.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'accepted') return wrongState(res, call)
  call.refer(parsed.data.target_uri)
  sendJson(res, 200, {})
}

/** Accept or reject once it was answered, refer before: the call is not in that state. */
function wrongState(res: ServerResponse, call: SipCall): void {
  const message =
    call.state === 'accepted'
      ? `Call '${call.callId}' has already been accepted.`
      : `Call '${call.callId}' has not been accepted.`
  sendApiError(res, 400, invalidRequest('invalid_call_state', message))
}
