import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { PILOT_CSV } from '../../support/tempDir'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'

/** The sessions of a lab CSV as the lab reads them, independently of the database. */
export async function readSessions(csv: string): Promise<LabSession[]> {
  const sessions: LabSession[] = []
  await readLabCsv(csv, {
    session: (s) => void sessions.push(s),
    issue: (i) => {
      throw new Error(JSON.stringify(i))
    }
  })
  return sessions
}

/** A session database in `dir` holding the pilot and, optionally, `synthetic` generated rows. */
export async function openReportDb(
  dir: string,
  synthetic = 0
): Promise<{ store: SessionStore<SqliteSessionDatabase>; sessions: LabSession[] }> {
  const path = join(dir, 'sessions.sqlite')
  const store = new SessionStore(openSqliteSessionDatabase(path))
  const importer = new SessionImporter(path)
  const files = [PILOT_CSV]
  if (synthetic > 0) {
    const csv = join(dir, 'synthetic.csv')
    writeFileSync(csv, [...syntheticSessionLines(synthetic)].join('\n') + '\n')
    files.push(csv)
  }
  const sessions: LabSession[] = []
  for (const file of files) {
    const outcome = await importer.importFile(file, 'fail')
    if (outcome.status !== 'imported') throw new Error(`could not import ${file}`)
    sessions.push(...(await readSessions(file)))
  }
  return { store, sessions }
}
