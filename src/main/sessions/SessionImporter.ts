import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { SessionSource } from '../../shared/sessions/labSchema'
import type { ConflictPolicy } from '../database/SessionDatabase'
import { checkpointIfBig } from '../database/sqlite/SqliteSessionImport'
import { importInWorker } from './importInWorker'
import { importSessionsFile } from './importSessionsFile'
import type { ImportRequest } from './labCsvWorkerData'
import { readLabCsv } from './readLabCsv'
import type { LabCsvReader } from './readLabCsvInWorker'

export { MAX_LISTED_ISSUES } from './importSessionsFile'

/**
 * All-or-nothing CSV imports (importSessionsFile): the file is read and staged on a connection
 * of the import's own, then checked and written in one short write transaction; rejected whole
 * if any problem was found, with every problem reported.
 */
export class SessionImporter {
  constructor(
    private readonly databasePath: string,
    private readonly now: () => number = Date.now,
    /**
     * In the app, workerLabCsvReader: the whole import then runs on its worker (and parses on a
     * second one), so main's thread only awaits the outcome. A plain reader imports on this thread.
     */
    private readonly read: LabCsvReader = readLabCsv
  ) {}

  /** The last background checkpoint: undefined once done, or its error. */
  checkpointed: Promise<Error | undefined> = Promise.resolve(undefined)

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const request: ImportRequest = {
      databasePath: this.databasePath,
      path,
      onConflict,
      source,
      recordedAt: new Date(this.now()).toISOString()
    }
    const outcome = this.read.worker
      ? await importInWorker(this.read.worker, request)
      : await importSessionsFile(request, this.read)
    if (outcome.status === 'imported')
      this.checkpointed = checkpointIfBig(this.databasePath, this.checkpointed)
    return outcome
  }
}
