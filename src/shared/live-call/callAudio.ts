import { z } from 'zod'

// A desk call's recorded audio (opt-in, Settings → Record call audio): the microphone and the
// agent mixed into one track, cut in chunks sent to main about every second and stored with
// the session, so a crash keeps all but the last second.

/** How often the console hands main what it has recorded. */
export const AUDIO_CHUNK_MS = 1000
/**
 * One chunk's bytes at most. A second of 32 kbit/s Opus is about 4 KB; the limit leaves room
 * for a late timer or a richer codec, and keeps a runaway sender from filling the database.
 */
export const MAX_AUDIO_CHUNK_BYTES = 256 * 1024
/** The largest chunk number: at one a second, more than eleven days of one call. */
export const MAX_AUDIO_SEQ = 1_000_000
/** The longest audio a call may claim (a day), in ms. */
export const MAX_AUDIO_MS = 24 * 60 * 60 * 1000
/** One page of a call's audio read back for playback: about 30 minutes of it (~200 KB a minute). */
export const AUDIO_PAGE_BYTES = 6 * 1024 * 1024

/** Base64 of at most `bytes` bytes: four characters for every three bytes, padded. */
const base64Of = (bytes: number): z.ZodType<string> =>
  z
    .base64('not base64')
    .max(Math.ceil(bytes / 3) * 4, `a chunk must stay under ${bytes / 1024} KB: send smaller ones`)

/** What MediaRecorder writes and Chromium plays back: WebM, Ogg or MP4 audio, one codec. */
export const AudioMimeTypeSchema = z
  .string()
  .max(100)
  .regex(
    /^audio\/(webm|ogg|mp4)(;\s?codecs="?[a-z0-9.]+"?)?$/i,
    'an audio MIME type such as audio/webm;codecs=opus'
  )

export const AudioChunkSchema = z
  .object({
    /** Its place in the call's audio, from 0: chunks are stored once each, whatever the order. */
    seq: z.number().int().min(0).max(MAX_AUDIO_SEQ),
    mimeType: AudioMimeTypeSchema,
    /**
     * The console's clock (performance.now(), the clock of the call's events) when the audio
     * began: the replay lines the sound up with the picture with it.
     */
    startT: z
      .number()
      .min(0)
      .max(MAX_AUDIO_MS * 365),
    /** Audio recorded up to the end of this chunk, in ms since it began. */
    endMs: z.number().int().min(0).max(MAX_AUDIO_MS),
    /** The chunk's bytes, base64 (IPC and the browser harness carry JSON). */
    data: base64Of(MAX_AUDIO_CHUNK_BYTES)
  })
  .strict()
export type AudioChunk = z.output<typeof AudioChunkSchema>

/** What is stored of a call's audio: the session detail shows it before loading the bytes. */
export const CallAudioInfoSchema = z
  .object({
    mimeType: z.string(),
    chunks: z.number().int().min(0),
    bytes: z.number().int().min(0),
    /** The recorded length (the last stored chunk's end). */
    durationMs: z.number().int().min(0),
    startT: z.number()
  })
  .strict()
export type CallAudioInfo = z.output<typeof CallAudioInfoSchema>

/** A page of a call's audio: its chunks in order from `fromSeq`, and where the next starts. */
export const CallAudioPageSchema = z
  .object({
    info: CallAudioInfoSchema,
    chunks: z.array(z.object({ seq: z.number().int(), data: z.string() }).strict()),
    nextSeq: z.number().int().nullable()
  })
  .strict()
export type CallAudioPage = z.output<typeof CallAudioPageSchema>

/** A call's audio deleted on its own (a caller asked, say): who and when; the session stays. */
export const CallAudioRemovalSchema = z
  .object({
    /** The seat in team mode; the computer's user on one desk. */
    removedBy: z.string(),
    removedAt: z.iso.datetime()
  })
  .strict()
export type CallAudioRemoval = z.output<typeof CallAudioRemovalSchema>
