import type { CallAudioRemoval, CallAudioSummary } from './SessionDatabase'
import { columnsOf, RowShapeError, type Row } from './rowValues'

// call_audio's rows, read alike from node:sqlite (BLOB → Uint8Array) and pg (bytea → Buffer).

const column = columnsOf('call_audio')

/** The summary query's row (mime_type, start_t, chunks, bytes, duration_ms, last_seq), or null: none. */
export function audioSummaryFrom(row: Row | undefined): CallAudioSummary | null {
  if (!row || column.number(row, 'chunks') === 0) return null
  return {
    mimeType: column.text(row, 'mime_type'),
    startT: column.number(row, 'start_t'),
    chunks: column.number(row, 'chunks'),
    bytes: column.number(row, 'bytes'),
    durationMs: column.number(row, 'duration_ms'),
    lastSeq: column.number(row, 'last_seq')
  }
}

export function audioChunkFrom(row: Row): { seq: number; bytes: Uint8Array } {
  const bytes = row['bytes']
  if (!(bytes instanceof Uint8Array))
    throw new RowShapeError(`call_audio.bytes: expected bytes, got ${typeof bytes}`)
  return { seq: column.number(row, 'seq'), bytes }
}

const removalColumn = columnsOf('call_audio_removals')

export function audioRemovalFrom(row: Row | undefined): CallAudioRemoval | null {
  if (!row) return null
  return {
    removedBy: removalColumn.text(row, 'removed_by'),
    removedAt: removalColumn.text(row, 'removed_at')
  }
}
