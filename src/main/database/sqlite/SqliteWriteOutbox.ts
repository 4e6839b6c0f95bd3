import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { createPrivateFile, PRIVATE_DIR_MODE } from '../../dataFolderModes'
import { columnsOf } from '../rowValues'
import type { WriteOutbox } from '../SessionDatabase'

const col = columnsOf('outbox')

// AUTOINCREMENT: an emptied outbox must not hand out an id it used before, since the session
// database remembers the last id it applied (LiveWrites' idempotent drain).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS outbox (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    body  TEXT NOT NULL
  ) STRICT;
`

/**
 * The outbox as a small SQLite file beside sessions.sqlite: a separate file is a separate
 * lock, so a push never waits on an import. WAL and synchronous NORMAL, as the session
 * database: a process crash loses nothing committed.
 */
export class SqliteWriteOutbox implements WriteOutbox {
  readonly generation: string
  private readonly insert: StatementSync
  private readonly oldest: StatementSync
  private readonly remove: StatementSync
  private readonly counted: StatementSync

  constructor(
    readonly path: string,
    private readonly db: DatabaseSync = openOutbox(path)
  ) {
    this.generation = generationOf(db)
    this.insert = db.prepare('INSERT INTO outbox (body) VALUES (?)')
    this.oldest = db.prepare('SELECT id, body FROM outbox ORDER BY id LIMIT ?')
    this.remove = db.prepare('DELETE FROM outbox WHERE id <= ?')
    this.counted = db.prepare('SELECT COUNT(*) AS n FROM outbox')
  }

  push(body: string): number {
    return Number(this.insert.run(body).lastInsertRowid)
  }

  peek(limit: number): { id: number; body: string }[] {
    return this.oldest
      .all(limit)
      .map((row) => ({ id: col.number(row, 'id'), body: col.text(row, 'body') }))
  }

  removeThrough(id: number): void {
    this.remove.run(id)
  }

  count(): number {
    const row = this.counted.get()
    return row ? col.number(row, 'n') : 0
  }

  close(): void {
    this.db.close()
  }
}

function openOutbox(path: string): DatabaseSync {
  // Queued events hold callers' words: owner-only from the first write, as sessions.sqlite.
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
  createPrivateFile(path)
  const db = new DatabaseSync(path)
  try {
    // Only main's thread opens it: a lock held elsewhere is a second app on the same folder.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 1000')
    db.exec(SCHEMA)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function generationOf(db: DatabaseSync): string {
  db.prepare("INSERT OR IGNORE INTO outbox_meta (key, value) VALUES ('generation', ?)").run(
    randomUUID()
  )
  const row = db.prepare("SELECT value FROM outbox_meta WHERE key = 'generation'").get()
  if (!row) throw new Error('The recording outbox has no generation')
  return col.text(row, 'value')
}
