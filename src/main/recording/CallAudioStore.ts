import { AUDIO_PAGE_BYTES, type AudioChunk } from '../../shared/live-call/callAudio'
import type { CallAudioPage } from '../../shared/live-call/callAudio'
import type { CallAudioRemoval, SessionDatabase } from '../database/SessionDatabase'
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
  now?: () => number
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
    const stored = await this.options.writes.audio({
      sessionId,
      seq: chunk.seq,
      mimeType: chunk.mimeType,
      startT: chunk.startT,
      endMs: chunk.endMs,
      bytes: Buffer.from(chunk.data, 'base64')
    })
    // The database stores nothing once the call's audio was deleted (a late retry, a queued
    // chunk): only then is it asked whether that is why, and the refusal said.
    if (!stored && (await this.options.database.callAudio.removal(sessionId)))
      throw new AudioRefusedError(`${sessionId}'s audio was deleted: this chunk was not stored`)
    return stored
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

  /**
   * Deletes a finished call's audio for good and keeps who did it and when; the transcript,
   * alerts and figures stay. Refused while the call is still recorded (its next chunks would
   * bring the audio back) and when there is no audio to delete.
   */
  async remove(
    sessionId: string,
    removedBy: string
  ): Promise<CallAudioRemoval & { chunks: number }> {
    const { database, writes } = this.options
    // Chunks still queued go in first, so none is stored after the deletion.
    await writes.settled()
    const call = await database.calls.get(sessionId)
    if (call?.status === 'active')
      throw new AudioRefusedError(
        `${sessionId} is still being recorded: its audio can be deleted once the call has ended`
      )
    if (!(await database.callAudio.summary(sessionId)))
      throw new AudioRefusedError(`${sessionId} has no recorded audio to delete`)
    const removal = { removedBy, removedAt: new Date(this.now()).toISOString() }
    const chunks = await database.transaction((tx) => tx.callAudio.remove(sessionId, removal))
    return { ...removal, chunks }
  }

  /** Who deleted the call's audio and when; null when it never was. */
  async removal(sessionId: string): Promise<CallAudioRemoval | null> {
    await this.options.writes.settled()
    return this.options.database.callAudio.removal(sessionId)
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}
