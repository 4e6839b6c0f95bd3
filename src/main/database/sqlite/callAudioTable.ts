import type { DatabaseSync } from 'node:sqlite'
import type {
  CallAudioRemoval,
  CallAudioSummary,
  CallAudioTable,
  NewAudioChunk
} from '../SessionDatabase'
import { audioChunkFrom, audioRemovalFrom, audioSummaryFrom } from '../callAudioRows'
import type { Row } from '../rowValues'
import type { Synchronous } from './Synchronous'

/** A call's recorded audio (schema v11), chunk by chunk. */
export class SqliteCallAudioTable implements Synchronous<CallAudioTable> {
  constructor(private readonly db: DatabaseSync) {}

  append(chunk: NewAudioChunk): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO call_audio (session_id, seq, mime_type, start_t, end_ms, bytes)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6
         WHERE NOT EXISTS (SELECT 1 FROM call_audio_removals WHERE session_id = ?1)
         ON CONFLICT (session_id, seq) DO NOTHING`
      )
      .run(chunk.sessionId, chunk.seq, chunk.mimeType, chunk.startT, chunk.endMs, chunk.bytes)
    return Number(changes) === 1
  }

  summary(sessionId: string): CallAudioSummary | null {
    const row = this.db
      .prepare(
        `SELECT count(*) AS chunks, COALESCE(sum(length(bytes)), 0) AS bytes,
                COALESCE(max(end_ms), 0) AS duration_ms, COALESCE(max(seq), 0) AS last_seq,
                (SELECT mime_type FROM call_audio WHERE session_id = ?1 ORDER BY seq LIMIT 1)
                  AS mime_type,
                (SELECT start_t FROM call_audio WHERE session_id = ?1 ORDER BY seq LIMIT 1)
                  AS start_t
         FROM call_audio WHERE session_id = ?1`
      )
      .get(sessionId) as Row | undefined
    return audioSummaryFrom(row)
  }

  chunks(
    sessionId: string,
    fromSeq: number,
    maxBytes: number
  ): { seq: number; bytes: Uint8Array }[] {
    // The running size is summed from the lengths alone; only the page's blobs are read.
    const rows = this.db
      .prepare(
        `WITH sized AS (
           SELECT seq, sum(length(bytes)) OVER (ORDER BY seq) AS upto,
                  row_number() OVER (ORDER BY seq) AS n
           FROM call_audio WHERE session_id = ?1 AND seq >= ?2
         )
         SELECT a.seq, a.bytes FROM sized JOIN call_audio a
           ON a.session_id = ?1 AND a.seq = sized.seq
         WHERE sized.n = 1 OR sized.upto <= ?3
         ORDER BY a.seq`
      )
      .all(sessionId, fromSeq, maxBytes) as Row[]
    return rows.map(audioChunkFrom)
  }

  remove(sessionId: string, removal: CallAudioRemoval): number {
    const { changes } = this.db
      .prepare('DELETE FROM call_audio WHERE session_id = ?')
      .run(sessionId)
    this.db
      .prepare(
        `INSERT INTO call_audio_removals (session_id, removed_by, removed_at) VALUES (?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET removed_by = excluded.removed_by,
           removed_at = excluded.removed_at`
      )
      .run(sessionId, removal.removedBy, removal.removedAt)
    return Number(changes)
  }

  removal(sessionId: string): CallAudioRemoval | null {
    const row = this.db
      .prepare('SELECT removed_by, removed_at FROM call_audio_removals WHERE session_id = ?')
      .get(sessionId) as Row | undefined
    return audioRemovalFrom(row)
  }
}
