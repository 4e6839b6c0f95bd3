import { VOICE_ENGINES } from '../../live-call/voiceEngine'
import { z } from 'zod'
import { CallAlertSchema } from '../../escalation/callAlert'
import {
  CALL_STATUSES,
  CallFailureSchema,
  CallLabellingSchema,
  RecordedInputSchema,
  TurnRowSchema,
  UnfinalizedCallSchema
} from '../../live-call/recordedCall'
import { utf8ByteLength } from '../../live-call/utf8ByteLength'
import { StoredSessionSchema } from '../../sessions/storedSessionSchema'
import { PricingSchema } from '../../settings/settingsSchema'
import { route } from '../route'
import {
  AudioChunkSchema,
  CallAudioPageSchema,
  CallAudioRemovalSchema,
  MAX_AUDIO_SEQ
} from '../../live-call/callAudio'

/**
 * Live session ids: LIVE-<UTC yyyymmdd>-<hhmmss>-<4 hex>, e.g. LIVE-20261125-143012-ab12; 8 hex
 * for a call begun while the team database could not be asked whether the id was free.
 */
export const LIVE_SESSION_ID = /^LIVE-\d{8}-\d{6}-(?:[0-9a-f]{4}|[0-9a-f]{8})$/
export const MAX_EVENTS_PER_BATCH = 500
/** UTF-8 size of one batch's events as JSON (bytes, not characters: transcripts are often
 * multibyte); a realistic 500 ms batch is a few KB. */
export const MAX_BATCH_BYTES = 256 * 1024

const SessionId = z.string().regex(LIVE_SESSION_ID, 'a live session id (LIVE-…)')
const EpochMs = z.number().int().min(0).max(8.64e15)

const EventBatch = z
  .array(RecordedInputSchema)
  .max(MAX_EVENTS_PER_BATCH)
  .refine((events) => utf8ByteLength(JSON.stringify(events)) <= MAX_BATCH_BYTES, {
    message: `a batch must stay under ${MAX_BATCH_BYTES / 1024} KB of JSON: send smaller batches`
  })

export const recordingRoutes = {
  /** A call starts: main names its session and starts keeping its events. */
  'recording.begin': route({
    input: z
      .object({
        provider: z.string().trim().min(1).max(100),
        model: z.string().trim().min(1).max(100),
        startedAt: EpochMs,
        callId: z.string().min(1).max(200).optional(),
        /** The prices the live cost estimate used, so the stored cost matches it. */
        pricing: PricingSchema.optional(),
        /** The voice API the call runs on (absent: Realtime). */
        engine: z.enum(VOICE_ENGINES).optional()
      })
      .strict(),
    output: z.object({ sessionId: z.string() }).strict()
  }),
  /** A batch of inputs in arrival order (about every 500 ms), stored in one transaction. */
  'recording.append': route({
    input: z.object({ sessionId: SessionId, events: EventBatch }).strict(),
    output: z.object({ stored: z.number() }).strict()
  }),
  /** Hang-up: main replays the stored events and writes the session row and its turns. */
  'recording.finish': route({
    input: z.object({ sessionId: SessionId, endedAt: EpochMs }).strict(),
    output: StoredSessionSchema
  }),
  /**
   * A recorded session with its caller turns, for the session detail view. A failed call: no
   * session, its turns replayed from its events, and why it failed.
   */
  'recording.get': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: z
      .object({
        session: StoredSessionSchema.nullable(),
        status: z.enum(CALL_STATUSES),
        events: z.number(),
        turns: z.array(TurnRowSchema),
        alerts: z.array(CallAlertSchema),
        labels: CallLabellingSchema,
        failure: CallFailureSchema.nullable(),
        /** The voice API the call ran on. */
        engine: z.enum(VOICE_ENGINES)
      })
      .strict()
  }),
  /** A recorded call's inputs in order, for the session detail's replay. */
  'recording.events': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: z.object({ inputs: z.array(RecordedInputSchema) }).strict()
  }),
  /**
   * About every second of a call recorded with audio (Settings → Record call audio): the next
   * chunk of both sides' sound, stored with the session. Idempotent on (sessionId, seq):
   * `stored` is false when that chunk was already there (a retry); true when stored now or
   * queued in the outbox to be (an import's lock, the team database away).
   */
  'recording.appendAudio': route({
    input: AudioChunkSchema.extend({ sessionId: SessionId }).strict(),
    output: z.object({ stored: z.boolean() }).strict()
  }),
  /** A page of a call's recorded audio for playback, from chunk `fromSeq`; null: none recorded. */
  'recording.audio': route({
    input: z
      .object({ sessionId: SessionId, fromSeq: z.number().int().min(0).max(MAX_AUDIO_SEQ) })
      .strict(),
    output: CallAudioPageSchema.nullable()
  }),
  /**
   * Deletes an ended call's audio for good (a caller asked, say); the session, its transcript and
   * alerts stay, and who deleted it and when is kept. In team mode a supervisor's seat only.
   */
  'recording.removeAudio': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: CallAudioRemovalSchema.extend({ chunks: z.number().int().min(0) }).strict()
  }),
  /** Who deleted a call's audio and when; null when it never was (no audio, or still there). */
  'recording.audioRemoval': route({
    input: z.object({ sessionId: SessionId }).strict(),
    output: CallAudioRemovalSchema.nullable()
  }),
  /** Recorded calls that could not be finalized (kept, retried at each start), for Sessions. */
  'recording.unfinalized': route({
    input: z.object({}).strict(),
    output: z.array(UnfinalizedCallSchema)
  })
}
