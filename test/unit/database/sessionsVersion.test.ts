import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { openDatabase } from '../../../src/main/database/sqlite/openDatabase'
import {
  bumpSessionsVersion,
  sessionsVersion
} from '../../../src/main/database/sqlite/sessionsVersion'

const MAIN = join(__dirname, '../../../src/main')
const WRITES_SESSIONS =
  /\b(INSERT(\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(\s+OR\s+\w+)?|DELETE\s+FROM|COPY)\s+["`[]?sessions\b/i
/** Files whose writes another file's transaction bumps for them. */
const BUMPED_BY_CALLER: Record<string, string> = {
  'database/sqlite/SessionBatchWriter.ts': 'database/sqlite/SqliteSessionImport.ts',
  'database/postgres/copySessionBatches.ts': 'database/postgres/PostgresSessionImport.ts'
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(path)
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield path
  }
}

describe('sessionsVersion', () => {
  const tmp = useTempDir()

  it('starts at 0 and counts each bump, committed or rolled back with its transaction', () => {
    const db = openDatabase(join(tmp.path(), 'sessions.sqlite'))
    expect(sessionsVersion(db)).toBe('0')
    bumpSessionsVersion(db)
    bumpSessionsVersion(db)
    expect(sessionsVersion(db)).toBe('2')
    db.exec('BEGIN')
    bumpSessionsVersion(db)
    db.exec('ROLLBACK')
    expect(sessionsVersion(db)).toBe('2')
    db.close()
  })

  it('is bumped by every file of main that writes to the sessions table', () => {
    const writers = [...sourceFiles(MAIN)]
      .map((path) => ({ file: relative(MAIN, path), text: readFileSync(path, 'utf8') }))
      .filter(
        ({ file, text }) => file !== 'database/sqlite/migrations.ts' && WRITES_SESSIONS.test(text)
      )
    // Only the database layer writes sessions: the services call its operations.
    expect(writers.map(({ file }) => file).sort()).toEqual([
      'database/postgres/PostgresSessionImport.ts',
      'database/postgres/copySessionBatches.ts',
      'database/postgres/sessionsTable.ts',
      'database/sqlite/SessionBatchWriter.ts',
      'database/sqlite/sessionsTable.ts'
    ])
    // The tools (harness, benchmarks, CLI) go through main's writers or only read.
    const toolWriters = [...sourceFiles(join(MAIN, '../../tools'))].filter((path) =>
      WRITES_SESSIONS.test(readFileSync(path, 'utf8'))
    )
    expect(toolWriters).toEqual([])
    for (const { file, text } of writers) {
      const bumper = BUMPED_BY_CALLER[file]
      const bumps = bumper ? readFileSync(join(MAIN, bumper), 'utf8') : text
      // SQLite's writers call bumpSessionsVersion; PostgreSQL's bump in the write's own
      // statement (BUMP_IF_CHANGED) or call it in the import's transaction.
      expect(bumps, `${bumper ?? file} bumps the sessions' version`).toMatch(
        /bumpSessionsVersion\((this\.)?(db|sql)\)|\$\{BUMP_IF_CHANGED\}/
      )
    }
  })

  it('has no file of main outside the database layer open or query SQLite', () => {
    const outside = [...sourceFiles(MAIN)]
      .map((path) => relative(MAIN, path))
      .filter((file) => !file.startsWith('database/'))
      .filter((file) => /from 'node:sqlite'/.test(readFileSync(join(MAIN, file), 'utf8')))
    expect(outside).toEqual([])
  })
})
