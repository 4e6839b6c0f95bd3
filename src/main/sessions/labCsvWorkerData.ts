import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { SessionSource } from '../../shared/sessions/labSchema'
import type { ConflictPolicy } from '../database/SessionDatabase'

/** One import: the file, where it goes, and how stored ids are handled. */
export interface ImportRequest {
  databasePath: string
  path: string
  onConflict: ConflictPolicy
  source: SessionSource
  recordedAt: string
}

/** What labCsvWorker is started with: a file to parse, or a whole import to run. */
export type LabCsvWorkerData =
  | { task: 'parse'; path: string; acknowledged: SharedArrayBuffer }
  | {
      task: 'import'
      request: ImportRequest
      /** This worker's own script (a file URL's href, or a path) and options, to parse beside. */
      script: string
      execArgv?: string[]
    }

/** What an import worker posts back, once. */
export type ImportWorkerMessage =
  { type: 'outcome'; outcome: ImportOutcome } | { type: 'failed'; message: string }
