import { z } from 'zod'
import { VOICE_ENGINES } from '../live-call/voiceEngine'

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
    provider: z.enum(['openai', 'azure', 'custom', 'demo']),
    /** The protocol the page speaks on the data channel (GPT-Live: `callId` is the session id). */
    engine: z.enum(VOICE_ENGINES)
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
