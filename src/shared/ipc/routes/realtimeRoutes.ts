import { z } from 'zod'
import { CallStartResult } from '../../realtime/callStart'
import { route } from '../route'

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
