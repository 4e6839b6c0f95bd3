import { AUDIO_PAGE_BYTES, type AudioChunk } from '../../shared/live-call/callAudio'
import type { CallAudioPage } from '../../shared/live-call/callAudio'
import type { SessionDatabase } from '../database/SessionDatabase'
import type { LiveWrites } from './LiveWrites'

/** A chunk main will not store: the reason is the message the console shows. */
export class AudioRefusedError extends Error {}

export interface CallAudioStoreOptions {
  database: SessionDatabase
  /** The live call's writes: a chunk the database cannot take now waits in the outbox. */
  writes: Pick<LiveWrites, 'audio' | 'settled'>
  /** Settings → Record call audio, read at each chunk: main keeps to the opt-in itself. */
  enabled: () => boolean
  /** Whether the id is a call recorded on this database (begun here, or stored). */
  isCall: (sessionId: string) => Promise<boolean>
}

/**
 * A live call's recorded audio, stored with its session chunk by chunk as the console sends it
 * (about every second), and read back in pages for the session detail's player. Each chunk is
 * a live write (LiveWrites): it never waits on an import's lock, and while the lock is taken or
 * the team database is away it waits in the desk's outbox file, as the call's events do.
 */
export class CallAudioStore {
  constructor(private readonly options: CallAudioStoreOptions) {}

  async append(sessionId: string, chunk: AudioChunk): Promise<boolean> {
    if (!this.options.enabled())
      throw new AudioRefusedError(
        'Audio recording is off in Settings (Record call audio): this chunk was not stored'
      )
    if (!(await this.options.isCall(sessionId)))
      throw new AudioRefusedError(`${sessionId} is not a recorded call: its audio was not stored`)
    return this.options.writes.audio({
      sessionId,
      seq: chunk.seq,
      mimeType: chunk.mimeType,
      startT: chunk.startT,
      endMs: chunk.endMs,
      bytes: Buffer.from(chunk.data, 'base64')
    })
  }

  /** The call's audio from chunk `fromSeq`, about AUDIO_PAGE_BYTES a page; null when none. */
  async page(sessionId: string, fromSeq: number): Promise<CallAudioPage | null> {
    const { database, writes } = this.options
    // Chunks still queued (an import, the team database away) are read once they are in.
    await writes.settled()
    const info = await database.callAudio.summary(sessionId)
    if (!info) return null
    const chunks = await database.callAudio.chunks(sessionId, fromSeq, AUDIO_PAGE_BYTES)
    const last = chunks.at(-1)
    const { lastSeq, ...shown } = info
    return {
      info: shown,
      chunks: chunks.map(({ seq, bytes }) => ({
        seq,
        data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
      })),
      nextSeq: last !== undefined && last.seq < lastSeq ? last.seq + 1 : null
    }
  }
}
