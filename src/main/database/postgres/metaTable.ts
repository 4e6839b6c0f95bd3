import { columnsOf } from '../rowValues'
import type { MetaTable } from './asyncSeam'
import type { Sql } from './sql'

const col = columnsOf('meta')

/** Small facts about the database itself (when the pilot was seeded, the sessions' version). */
export class PostgresMetaTable implements MetaTable {
  constructor(private readonly sql: Sql) {}

  async get(key: string): Promise<string | undefined> {
    const rows = await this.sql.rows('SELECT value FROM meta WHERE key = $1', [key])
    return rows[0] ? col.text(rows[0], 'value') : undefined
  }

  async set(key: string, value: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2',
      [key, value]
    )
  }
}
