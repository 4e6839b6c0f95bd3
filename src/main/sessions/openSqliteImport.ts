import type { SessionImport, SessionImportOptions } from '../database/SessionDatabase'
import { beginSqliteImport } from '../database/sqlite/SqliteSessionImport'

/** An import on a SQLite file by path (a worker has no database object, only the file). */
export async function openSqliteImport(
  path: string,
  options: SessionImportOptions
): Promise<SessionImport> {
  return beginSqliteImport(path, options)
}
