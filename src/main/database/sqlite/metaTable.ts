import type { Synchronous } from './Synchronous'
import type { DatabaseSync } from 'node:sqlite'
import { columnsOf } from '../rowValues'
import type { MetaTable } from '../SessionDatabase'

const col = columnsOf('meta')

/** Small facts about the database itself (when the pilot was seeded, the sessions' version). */
export class SqliteMetaTable implements Synchronous<MetaTable> {
  constructor(private readonly db: DatabaseSync) {}

  get(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key)
    return row ? col.text(row, 'value') : undefined
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?'
      )
      .run(key, value, value)
  }
}
