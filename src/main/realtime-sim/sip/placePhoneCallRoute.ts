import { z } from 'zod'
import { readCredential, refuseCredential } from '../http/credentials'
import { sendApiError, sendJson } from '../http/httpIo'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import type { AgentVoice } from '../audio/agentVoice'
import type { SimRoute } from '../http/simRoute'
import type { Scenario } from '../scenario/scenarioSchema'
import { readJsonBody } from './readJsonBody'
import { NoWebhookConfigured, type SipCalls } from './SipCalls'
import { speakCallerLines } from './speakCallerLines'

export interface PlacePhoneCallContext {
  apiKey: string
  sip: SipCalls
  /** Speaks `caller_says` lines. */
  voice: AgentVoice
  scenario: Scenario
}

/** Silence after each spoken `caller_says` line: time for the agent to answer. */
const DEFAULT_PAUSE_MS = 4_000

/** Base64 WAVs of a few minutes (8 MB of JSON ≈ 3 min of 16 kHz mono). */
const MAX_PLACE_BODY_BYTES = 8_000_000

const PlaceBody = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  wav_base64: z.base64().optional(),
  caller_says: z
    .union([z.array(z.string().min(1).max(500)).min(1).max(20), z.literal('scenario')])
    .optional(),
  pause_ms: z.number().int().min(0).max(30_000).optional(),
  trailing_silence_ms: z.number().int().min(0).max(60_000).optional(),
  ring_timeout_ms: z.number().int().min(1).max(600_000).optional(),
  /** Which API answers the call: Realtime (default) or GPT-Live (`live.transport.incoming`). */
  api: z.enum(['realtime', 'live']).optional()
})

/**
 * `POST /sim/sip/calls` (debug routes only, standard key): a phone rings. The caller's WAV
 * comes base64 in the JSON, never as a path, so the route reads no file on the machine; or
 * the simulator speaks `caller_says` (lines, or `"scenario"`: the scenario's caller lines).
 * 201 `{ call_id, sip_call_id, webhook_id, caller_audio_ms }`; the webhook goes out after.
 */
export function placePhoneCallRoute(ctx: PlacePhoneCallContext): SimRoute {
  return async (req, res, url) => {
    if (url.pathname !== '/sim/sip/calls' || req.method !== 'POST') return false
    const key = readCredential(req, 'openai')
    if (key !== ctx.apiKey) {
      refuseCredential(res, 'openai', key)
      return true
    }
    const body = await readJsonBody(req, MAX_PLACE_BODY_BYTES)
    if (!body.ok) {
      sendApiError(res, 400, body.error)
      return true
    }
    const parsed = PlaceBody.safeParse(body.value)
    if (!parsed.success) {
      sendApiError(res, 400, issueToApiError(parsed.error.issues, body.value))
      return true
    }
    const { from, to, wav_base64, caller_says, pause_ms } = parsed.data
    const { trailing_silence_ms, ring_timeout_ms, api } = parsed.data
    if ((wav_base64 === undefined) === (caller_says === undefined)) {
      sendApiError(
        res,
        400,
        wav_base64 === undefined
          ? invalidRequest(
              'missing_required_parameter',
              "Missing required parameter: 'wav_base64' (or 'caller_says').",
              'wav_base64'
            )
          : invalidRequest(
              'invalid_value',
              "Give either 'wav_base64' or 'caller_says', not both.",
              'caller_says'
            )
      )
      return true
    }
    try {
      const wav =
        wav_base64 !== undefined
          ? Buffer.from(wav_base64, 'base64')
          : await speakCallerLines(
              ctx.voice,
              ctx.scenario,
              caller_says!,
              pause_ms ?? DEFAULT_PAUSE_MS
            )
      const placed = ctx.sip.place({
        from,
        to,
        wav,
        trailingSilenceMs: trailing_silence_ms,
        ringTimeoutMs: ring_timeout_ms,
        api
      })
      sendJson(res, 201, {
        call_id: placed.callId,
        sip_call_id: placed.sipCallId,
        webhook_id: placed.webhookId,
        caller_audio_ms: placed.callerAudioMs
      })
    } catch (error) {
      const status = error instanceof NoWebhookConfigured ? 409 : 400
      const field = wav_base64 !== undefined ? 'wav_base64' : 'caller_says'
      const param = status === 400 ? field : null
      sendApiError(res, status, invalidRequest('invalid_value', (error as Error).message, param))
    }
    return true
  }
}
