import { z } from 'zod'
import { CALL_CHANNELS } from '../live-call/callChannel'
import { CALL_STATUSES, type RecordedInput } from '../live-call/recordedCall'

// Following one team call from a console (team.followCall): its recorded inputs so far, then
// each batch as it is stored, fed to the same reducer as a desk's own call.

/**
 * Named by the renderer before it asks: main may send the first chunks before the request's
 * answer arrives (the harness carries events and answers on different connections).
 */
export const FollowIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a follow id')

export const FollowCallInputSchema = z
  .object({ followId: FollowIdSchema, sessionId: z.string().min(1).max(200) })
  .strict()

/** The followed call's row as it was when following began. */
export const FollowedCallSchema = z
  .object({
    sessionId: z.string(),
    channel: z.enum(CALL_CHANNELS),
    /** The desk or gateway instance recording it (null: a row without a seat). */
    seat: z.string().nullable(),
    /** Epoch ms (the recorder's clock). */
    startedAtMs: z.number(),
    status: z.enum(CALL_STATUSES)
  })
  .strict()
export type FollowedCall = z.output<typeof FollowedCallSchema>

/** Main → renderer: the next stored inputs of a followed call, in the order stored. */
export interface FollowedCallChunk {
  followId: string
  sessionId: string
  /** The sequence number the previous chunk ended on (-1 before the first). */
  afterSeq: number
  /** The last sequence number this chunk covers (`afterSeq` when it carries none). */
  throughSeq: number
  inputs: RecordedInput[]
  /** The call is over: this is its last chunk, and main stops following it. */
  ended: boolean
}
