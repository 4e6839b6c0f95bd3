import type { MessagePort } from 'node:worker_threads'
import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { SessionSource } from '../../shared/sessions/labSchema'
import type { ConflictPolicy } from '../database/SessionDatabase'

/** One import: the file, where it goes, and how stored ids are handled. */
export interface ImportRequest {
  /** The SQLite file (a worker opens the import's connection on it); '' on other backends. */
  databasePath: string
  path: string
  onConflict: ConflictPolicy
  source: SessionSource
  recordedAt: string
  /** The importing desk's seat (team mode; the SQLite backend ignores it). */
  seat?: string | null
}

/**
 * What labCsvWorker is started with: a file to parse, or an import to run. `acknowledged` counts
 * the batches taken, so the parser waits when it is too far ahead. For an import, main starts
 * both and links them: the parser posts to `port`, the importer reads from the other end.
 */
export type LabCsvWorkerData =
  | {
      task: 'parse'
      path: string
      acknowledged: SharedArrayBuffer
      port?: MessagePort
      /** Byte reader first: the taker must handle 'restart' (BatchLabCsvVisitor.restart). */
      fast?: boolean
    }
  | { task: 'import'; request: ImportRequest; acknowledged: SharedArrayBuffer; port: MessagePort }

/** What an import worker posts back, once. */
export type ImportWorkerMessage =
  { type: 'outcome'; outcome: ImportOutcome } | { type: 'failed'; message: string }
