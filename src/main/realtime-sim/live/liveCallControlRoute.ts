import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { type Flavor, readCredential, refuseCredential } from '../http/credentials'
import { sendApiError, sendJson } from '../http/httpIo'
import type { SimRoute } from '../http/simRoute'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import { readJsonBody } from '../sip/readJsonBody'
import type { SipCall } from '../sip/SipCall'
import type { SipCalls } from '../sip/SipCalls'
import type { EndedBy } from '../sip/PhoneLine'
import { LiveAcceptSessionConfig, resolveSession } from './liveConfig'
import type { LiveSessions } from './LiveSessions'

const CONTROL_PATH = /^(\/openai)?\/v1\/live\/sessions\/([^/]+)\/(accept|reject|refer|hangup)$/

// Bodies as the SDK's SessionAcceptParams, SessionRejectParams, SessionReferParams.
const AcceptBody = z.strictObject({ session: LiveAcceptSessionConfig })
const RejectBody = z.strictObject({ status_code: z.number().int().min(300).max(699) })
const ReferBody = z.strictObject({
  target_uri: z.string().regex(/^(tel|sip|sips):\S+$/i, 'expected a tel: or sip: URI')
})

/** How a phone call's end reads in `session.closed.reason` (SDK `SessionClosedEvent`). */
const CLOSE_REASON = {
  caller: 'remote_hangup',
  server: 'close_requested',
  simulator: 'connection_lost'
} as const satisfies Record<EndedBy, string>

export interface LiveCallControlContext {
  apiKey: string
  sip: SipCalls
  live: LiveSessions
  nowSeconds: () => number
}

/**
 * `POST /v1/live/sessions/{id}/accept | reject | refer | hangup` with the standard key: the
 * server's decisions on a GPT-Live phone call (`live.transport.incoming`). Hang-up also ends a
 * WebRTC or WebSocket Live session (inferred: the SDK documents it for SIP calls).
 */
export function liveCallControlRoute(ctx: LiveCallControlContext): SimRoute {
  return async (req, res, url) => {
    const match = CONTROL_PATH.exec(url.pathname)
    if (!match || req.method !== 'POST') return false
    const flavor: Flavor = match[1] ? 'azure' : 'openai'
    const id = decodeURIComponent(match[2]!)
    const action = match[3] as 'accept' | 'reject' | 'refer' | 'hangup'
    const key = readCredential(req, flavor)
    const body = key === ctx.apiKey ? await readJsonBody(req) : null
    const call = ctx.sip.get(id)
    if (!body) refuseCredential(res, flavor, key)
    else if (!body.ok) sendApiError(res, 400, body.error)
    else if (action === 'hangup') hangup(res, id, call, ctx)
    else if (!call || !call.callId.startsWith('live_')) notFound(res, id)
    else if (action === 'accept') accept(res, call, body.value, ctx)
    else if (action === 'reject') reject(res, call, body.value)
    else refer(res, call, body.value)
    return true
  }
}

function accept(
  res: ServerResponse,
  call: SipCall,
  raw: unknown,
  ctx: LiveCallControlContext
): void {
  const parsed = AcceptBody.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'ringing') return wrongState(res, call)
  const session = ctx.live.create(
    resolveSession(call.callId, parsed.data.session, ctx.nowSeconds()),
    // A phone has no data channel: events reach the ground truth and sidebands only.
    { isOpen: true, send: () => true, close: () => undefined },
    'sip',
    null
  )
  ctx.live.register(session, 'sip', () => call.close('hangup'))
  call.answer({
    receiveAudio: (samples, rate) => session.receiveAudio(samples, rate),
    pullFrame: () => session.pullFrame(),
    hangUp: (endedBy) => {
      session.close(CLOSE_REASON[endedBy])
      ctx.live.ended(session.id)
    }
  })
  session.start()
  sendJson(res, 200, {})
}

function reject(res: ServerResponse, call: SipCall, raw: unknown): void {
  const parsed = RejectBody.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'ringing') return wrongState(res, call)
  call.reject(parsed.data.status_code)
  sendJson(res, 200, {})
}

function refer(res: ServerResponse, call: SipCall, raw: unknown): void {
  const parsed = ReferBody.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  if (call.state !== 'accepted') return wrongState(res, call)
  call.refer(parsed.data.target_uri)
  sendJson(res, 200, {})
}

function hangup(
  res: ServerResponse,
  id: string,
  call: SipCall | undefined,
  ctx: LiveCallControlContext
): void {
  const entry = ctx.live.get(id)
  if (call) call.close('hangup')
  else if (entry) {
    entry.session.close('close_requested')
    entry.close()
  } else return notFound(res, id)
  sendJson(res, 200, {})
}

// Inferred wording and codes (the SDK names none): as the Realtime call controls answer.
function notFound(res: ServerResponse, id: string): void {
  sendApiError(res, 404, invalidRequest('session_not_found', `Live session '${id}' not found.`))
}

function wrongState(res: ServerResponse, call: SipCall): void {
  const message =
    call.state === 'accepted'
      ? `Session '${call.callId}' has already been accepted.`
      : `Session '${call.callId}' has not been accepted.`
  sendApiError(res, 400, invalidRequest('invalid_session_state', message))
}
