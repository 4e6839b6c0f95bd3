import type { ImportOutcome } from '../../shared/sessions/importOutcome'
import type { SessionSource } from '../../shared/sessions/labSchema'
import type { BeginImport, ConflictPolicy } from '../database/SessionDatabase'
import { openSqliteImport } from './openSqliteImport'
import { checkpointIfBig } from '../database/sqlite/SqliteSessionImport'
import { importInWorker } from './importInWorker'
import { importSessionsFile } from './importSessionsFile'
import type { ImportRequest } from './labCsvWorkerData'
import { readLabCsv } from './readLabCsv'
import type { LabCsvReader } from './readLabCsvInWorker'

export { MAX_LISTED_ISSUES } from './importSessionsFile'

/**
 * Where an import goes: a database's `beginImport`, and its file when it is a SQLite file (a
 * worker then opens the import's connection itself). A bare path is a SQLite file.
 */
export type ImportTarget = string | { readonly beginImport: BeginImport; readonly path?: string }

/**
 * All-or-nothing CSV imports (importSessionsFile): the file is read and staged on a connection
 * of the import's own, then checked and written in one short write transaction; rejected whole
 * if any problem was found, with every problem reported.
 */
export class SessionImporter {
  private readonly databasePath: string | undefined
  private readonly begin: BeginImport

  constructor(
    target: ImportTarget,
    private readonly now: () => number = Date.now,
    /**
     * In the app, workerLabCsvReader: the whole import then runs on its worker (and parses on a
     * second one), so main's thread only awaits the outcome. A plain reader imports on this thread.
     */
    private readonly read: LabCsvReader = readLabCsv,
    /** The desk's seat, read at each import (team mode records it with the import). */
    private readonly seat: () => string | null = () => null
  ) {
    this.databasePath = typeof target === 'string' ? target : target.path
    this.begin =
      typeof target === 'string'
        ? (options) => openSqliteImport(target, options)
        : target.beginImport
  }

  /** The last background checkpoint: undefined once done, or its error. */
  checkpointed: Promise<Error | undefined> = Promise.resolve(undefined)

  async importFile(
    path: string,
    onConflict: ConflictPolicy,
    source: SessionSource = 'import'
  ): Promise<ImportOutcome> {
    const request: ImportRequest = {
      databasePath: this.databasePath ?? '',
      path,
      onConflict,
      source,
      recordedAt: new Date(this.now()).toISOString(),
      seat: this.seat()
    }
    // A worker opens a connection of its own: only a file can be opened there.
    const outcome =
      this.read.worker && this.databasePath
        ? await importInWorker(this.read.worker, request)
        : await importSessionsFile(request, this.read, this.begin)
    if (outcome.status === 'imported' && this.databasePath)
      this.checkpointed = checkpointIfBig(this.databasePath, this.checkpointed)
    return outcome
  }
}
