import type { CallAudioRemoval, CallAudioSummary, CallAudioTable, NewAudioChunk } from './asyncSeam'
import { audioChunkFrom, audioRemovalFrom, audioSummaryFrom } from '../callAudioRows'
import type { Sql } from './sql'

/** A call's recorded audio (schema v8), chunk by chunk; bytes travel as bytea parameters. */
export class PostgresCallAudioTable implements CallAudioTable {
  constructor(private readonly sql: Sql) {}

  /**
   * One statement: a chunk sent twice (a retry, another path) is stored once, and none is stored
   * once the call's audio was deleted. The casts type the parameters a SELECT list leaves open.
   */
  async append(chunk: NewAudioChunk): Promise<boolean> {
    const inserted = await this.sql.run(
      `INSERT INTO call_audio (session_id, seq, mime_type, start_t, end_ms, bytes)
       SELECT $1::text, $2::integer, $3::text, $4::double precision, $5::integer, $6::bytea
       WHERE NOT EXISTS (SELECT 1 FROM call_audio_removals WHERE session_id = $1)
       ON CONFLICT (session_id, seq) DO NOTHING`,
      [
        chunk.sessionId,
        chunk.seq,
        chunk.mimeType,
        chunk.startT,
        chunk.endMs,
        Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength)
      ]
    )
    return inserted === 1
  }

  async summary(sessionId: string): Promise<CallAudioSummary | null> {
    const [row] = await this.sql.rows(
      `SELECT count(*) AS chunks, COALESCE(sum(octet_length(bytes)), 0) AS bytes,
              COALESCE(max(end_ms), 0) AS duration_ms, COALESCE(max(seq), 0) AS last_seq,
              (array_agg(mime_type ORDER BY seq))[1] AS mime_type,
              (array_agg(start_t ORDER BY seq))[1] AS start_t
       FROM call_audio WHERE session_id = $1`,
      [sessionId]
    )
    return audioSummaryFrom(row)
  }

  async chunks(
    sessionId: string,
    fromSeq: number,
    maxBytes: number
  ): Promise<{ seq: number; bytes: Uint8Array }[]> {
    // The running size is summed from the lengths alone; only the page's bytes are read.
    const rows = await this.sql.rows(
      `WITH sized AS (
         SELECT seq, sum(octet_length(bytes)) OVER (ORDER BY seq) AS upto,
                row_number() OVER (ORDER BY seq) AS n
         FROM call_audio WHERE session_id = $1 AND seq >= $2
       )
       SELECT a.seq, a.bytes FROM sized JOIN call_audio a
         ON a.session_id = $1 AND a.seq = sized.seq
       WHERE sized.n = 1 OR sized.upto <= $3
       ORDER BY a.seq`,
      [sessionId, fromSeq, maxBytes]
    )
    return rows.map(audioChunkFrom)
  }

  async remove(sessionId: string, removal: CallAudioRemoval): Promise<number> {
    const deleted = await this.sql.run('DELETE FROM call_audio WHERE session_id = $1', [sessionId])
    await this.sql.run(
      `INSERT INTO call_audio_removals (session_id, removed_by, removed_at) VALUES ($1, $2, $3)
       ON CONFLICT (session_id) DO UPDATE SET removed_by = excluded.removed_by,
         removed_at = excluded.removed_at`,
      [sessionId, removal.removedBy, removal.removedAt]
    )
    return deleted
  }

  async removal(sessionId: string): Promise<CallAudioRemoval | null> {
    const [row] = await this.sql.rows(
      'SELECT removed_by, removed_at FROM call_audio_removals WHERE session_id = $1',
      [sessionId]
    )
    return audioRemovalFrom(row)
  }
}
