import { z } from 'zod'
import { route } from '../route'

/** Why a call could not start; each kind has its own message and the screen offers a retry. */
export const CallStartFailureKind = z.enum([
  'no_key',
  'bad_key',
  'unreachable',
  'refused',
  'sdp_refused',
  'secret_expired'
])
export type CallStartFailureKind = z.output<typeof CallStartFailureKind>

const CallStarted = z
  .object({
    ok: z.literal(true),
    answerSdp: z.string().min(1),
    callId: z.string().min(1),
    /** The model (Azure: the deployment) the session runs. */
    model: z.string(),
    provider: z.enum(['openai', 'azure', 'custom', 'demo'])
  })
  .strict()
const CallStartFailed = z
  .object({
    ok: z.literal(false),
    kind: CallStartFailureKind,
    status: z.number().int().optional(),
    message: z.string()
  })
  .strict()
export const CallStartResult = z.discriminatedUnion('ok', [CallStarted, CallStartFailed])
export type CallStartResult = z.output<typeof CallStartResult>

export const realtimeRoutes = {
  /**
   * Variant A of the protocol doc: main mints a client secret with the stored key and posts the
   * renderer's SDP offer with it, so neither the key nor the secret reaches the renderer.
   * Expected failures come back as data (`ok: false`) with a message that says what to fix.
   */
  'realtime.startCall': route({
    input: z.object({ offerSdp: z.string().min(10).max(100_000) }).strict(),
    output: CallStartResult
  }),
  /** Ends the call server-side (an unknown call, already ended, is not an error). */
  'realtime.hangup': route({
    input: z.object({ callId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) }).strict(),
    output: z.object({ ended: z.boolean() }).strict()
  })
}
