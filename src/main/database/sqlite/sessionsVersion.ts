import type { DatabaseSync } from 'node:sqlite'
import { columnsOf } from '../rowValues'

// The reports keep the sessions' columns in memory until the sessions change. SQLite's own
// change counters (data_version, total_changes) move on a write to any table, and a live call
// appends events every few milliseconds: a counter in meta, bumped by every write to `sessions`
// inside that write's transaction, changes only when the sessions do. Each writer bumps it once
// per transaction (a trigger would tax every row of a million-row import).

const KEY = 'sessions_version'
const meta = columnsOf('meta')

/** Call inside the transaction that wrote to `sessions`, after the write. */
export function bumpSessionsVersion(db: DatabaseSync): void {
  db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`
  ).run(KEY)
}

/** The sessions' version as committed now ('0' before the first write). */
export function sessionsVersion(db: DatabaseSync): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY)
  return row ? meta.text(row, 'value') : '0'
}
