import type { IncomingMessage, ServerResponse } from 'node:http'
import { RealtimeSessionConfig } from '../../../shared/realtime/sessionConfig'
import type { EphemeralKeys } from '../auth/EphemeralKeys'
import type { CallHub } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import type { FaultSpec } from '../scenario/scenarioSchema'
import { createSession, type EffectiveSession } from '../session/effectiveSession'
import { type Flavor, readCredential, refuseCredential } from './credentials'
import { readBody, sendApiError } from './httpIo'

export interface CallsContext {
  apiKey: string
  keys: EphemeralKeys
  hub: CallHub
  faults: FaultSpec[]
  log: GroundTruthLog
  /** 1-based count of SDP POSTs, for faults aimed at given attempts. */
  nextAttempt(): number
}

type Offer =
  | { sdp: string; session: EffectiveSession }
  | { status: number; error: ReturnType<typeof invalidRequest> }

/**
 * `POST /v1/realtime/calls`: raw SDP with a client secret (or the standard key), or the unified
 * multipart form (`sdp` + `session`) → 201, answer SDP, `Location: /v1/realtime/calls/rtc_…`.
 */
export async function createCall(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  ctx: CallsContext
): Promise<void> {
  const key = readCredential(req, flavor)
  let secretSession: EffectiveSession | null = null
  if (key !== ctx.apiKey) {
    const secret = key ? ctx.keys.check(key) : { status: 'unknown' as const }
    if (secret.status !== 'valid')
      return refuseCredential(
        res,
        flavor,
        key,
        secret.status === 'expired' ? 'Ephemeral key has expired' : 'Incorrect API key provided'
      )
    secretSession = secret.session
  }
  const offer = await readOffer(req, secretSession)
  if ('error' in offer) return sendApiError(res, offer.status, offer.error)
  const attempt = ctx.nextAttempt()
  const applies = (fault: { attempts?: number[] }): boolean =>
    fault.attempts === undefined || fault.attempts.includes(attempt)
  for (const fault of ctx.faults) {
    if (fault.type === 'slow_sdp' && applies(fault)) {
      ctx.log.record(null, {
        kind: 'fault',
        fault: 'slow_sdp',
        detail: `${fault.delay_ms} ms, attempt ${attempt}`
      })
      await new Promise((resolve) => setTimeout(resolve, fault.delay_ms))
    }
    if (fault.type === 'sdp_http_500' && applies(fault)) {
      ctx.log.record(null, { kind: 'fault', fault: 'sdp_http_500', detail: `attempt ${attempt}` })
      return sendApiError(res, 500, {
        type: 'server_error',
        code: null,
        param: null,
        message: 'The server had an error while processing your request. Sorry about that!'
      })
    }
  }
  const { callId, sdp } = await ctx.hub.start(offer.sdp, offer.session)
  res.writeHead(201, {
    'content-type': 'application/sdp',
    location: `/v1/realtime/calls/${callId}`
  })
  res.end(sdp)
}

async function readOffer(
  req: IncomingMessage,
  secretSession: EffectiveSession | null
): Promise<Offer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  const body = await readBody(req)
  let sdp: string
  let session = secretSession ?? createSession()
  if (type === 'application/sdp') sdp = body.toString('utf8')
  else if (type === 'multipart/form-data') {
    // Node's fetch Response parses multipart bodies; no form library needed.
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': req.headers['content-type']! }
    })
      .formData()
      .catch(() => null)
    const field = async (name: string): Promise<string | null> => {
      const value = form?.get(name)
      return value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : value.text()
    }
    const [sdpField, sessionField] = [await field('sdp'), await field('session')]
    if (sdpField === null)
      return {
        status: 400,
        error: invalidRequest(
          'missing_required_parameter',
          "Missing required parameter: 'sdp'.",
          'sdp'
        )
      }
    sdp = sdpField
    if (sessionField !== null) {
      let raw: unknown
      try {
        raw = JSON.parse(sessionField)
      } catch {
        return {
          status: 400,
          error: invalidRequest('invalid_value', "'session' must be a JSON object.", 'session')
        }
      }
      const parsed = RealtimeSessionConfig.safeParse(raw)
      if (!parsed.success)
        return { status: 400, error: issueToApiError(parsed.error.issues, raw, ['session']) }
      session = createSession(parsed.data)
    }
  } else
    return {
      status: 400,
      error: invalidRequest(
        'unsupported_content_type',
        `Unsupported content type: '${type}'. Send application/sdp or multipart/form-data.`
      )
    }
  if (!sdp.startsWith('v=0'))
    return {
      status: 400,
      error: invalidRequest('invalid_offer', 'The SDP offer could not be parsed.', 'sdp')
    }
  return { sdp, session }
}
