import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../src/main/database/sqlite/migrations'
import {
  DatabaseTooNewError,
  openDatabase,
  schemaVersion
} from '../../../src/main/database/sqlite/openDatabase'
import { useTempDir } from '../../support/tempDir'

const tables = (db: DatabaseSync): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => String((r as { name: string }).name))

describe('openDatabase', () => {
  const tmp = useTempDir()

  it('creates the schema at the latest version, in WAL mode', () => {
    const db = openDatabase(join(tmp.path(), 'nested', 'sessions.sqlite'))
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(tables(db)).toEqual([
      'alert_actions',
      'alerts',
      // Recorded call audio, chunk by chunk (v11), and who deleted a call's audio (v12).
      'call_audio',
      'call_audio_removals',
      'call_commands',
      'calls',
      'escalation_rules',
      'events',
      'meta',
      'sessions',
      // The full-text index of what was said (v10): the FTS5 table and its shadow tables.
      'transcripts',
      'transcripts_fts',
      'transcripts_fts_config',
      'transcripts_fts_data',
      'transcripts_fts_docsize',
      'transcripts_fts_idx',
      'turns',
      'webhook_deliveries'
    ])
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    db.close()
  })

  it('is idempotent: reopening applies nothing and keeps data', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const first = openDatabase(path)
    first.prepare("INSERT INTO meta VALUES ('k', 'v')").run()
    first.close()
    const second = openDatabase(path)
    expect(second.prepare('SELECT value FROM meta').get()).toEqual({ value: 'v' })
    second.close()
  })

  it('applies only the pending migrations, in order, forward only', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    openDatabase(path, ['CREATE TABLE a (x INTEGER) STRICT']).close()
    const db = openDatabase(path, [
      'CREATE TABLE a (x INTEGER) STRICT',
      'ALTER TABLE a ADD COLUMN y TEXT'
    ])
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('a')).toEqual([
      { name: 'x' },
      { name: 'y' }
    ])
    db.close()
  })

  it('rolls back a failing migration and leaves the version where it was', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    openDatabase(path, ['CREATE TABLE a (x INTEGER)']).close()
    expect(() =>
      openDatabase(path, ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (y); SELECT nope FROM a'])
    ).toThrow()
    const raw = new DatabaseSync(path)
    expect(schemaVersion(raw)).toBe(1)
    expect(tables(raw)).toEqual(['a'])
    raw.close()
  })

  it('refuses a database written by a newer version of the app', () => {
    const path = join(tmp.path(), 'sessions.sqlite')
    const raw = new DatabaseSync(path)
    raw.exec(`PRAGMA user_version = ${migrations.length + 1}`)
    raw.close()
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError)
  })
})
