import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import {
  workerLabCsvReader,
  type LabCsvReader
} from '../../../src/main/sessions/readLabCsvInWorker'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { HEADER, PILOT_CSV, useTempDir } from '../../support/tempDir'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

// The worker runs the TypeScript sources through tsx here; the app and CLI bundle it.
const readInWorker = workerLabCsvReader(
  new URL('../../../src/main/sessions/labCsvWorker.ts', import.meta.url),
  ['--import', 'tsx']
)

async function collect(read: LabCsvReader, path: string) {
  const sessions: [LabSession, number][] = []
  const issues: ImportIssue[] = []
  const summary = await read(path, {
    session: (s, row) => sessions.push([s, row]),
    issue: (i) => issues.push(i)
  })
  return { sessions, issues, summary }
}

describe('workerLabCsvReader', () => {
  const tmp = useTempDir()

  it('gives exactly what readLabCsv gives, over several batches', async () => {
    const file = tmp.write('s.csv', [...syntheticSessionLines(5_123)].join('\n') + '\n')
    const inWorker = await collect(readInWorker, file)
    expect(inWorker).toEqual(await collect(readLabCsv, file))
    expect(inWorker.sessions).toHaveLength(5_123)
  })

  it('reports the same problems, with the same rows', async () => {
    const file = tmp.write(
      'bad.csv',
      `${HEADER}\nA,faq,x,1,2,0,1,neutral,m,true,en\nA,faq,1,1,2,0,1,neutral,m,true,en\nA,faq,1,1,2,0,1,neutral,m,true,en\n`
    )
    const inWorker = await collect(readInWorker, file)
    expect(inWorker.issues).toEqual((await collect(readLabCsv, file)).issues)
    expect(inWorker.issues.map((i) => i.row)).toEqual([2, 4])
  })

  it('fails like readLabCsv on a missing file', async () => {
    await expect(collect(readInWorker, join(tmp.path(), 'nope.csv'))).rejects.toThrow(/ENOENT/)
  })

  it('drives an import end to end', async () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const store = new SessionStore(openSqliteSessionDatabase(path))
    const outcome = await new SessionImporter(path, Date.now, readInWorker).importFile(
      PILOT_CSV,
      'fail'
    )
    expect(outcome).toMatchObject({ status: 'imported', inserted: 15 })
    expect(await store.count({ sentiment: ['negative'] })).toBe(4)
    await store.close()
  })
})
