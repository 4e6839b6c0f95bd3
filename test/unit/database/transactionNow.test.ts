import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseBusyError } from '../../../src/main/database/SessionDatabase'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { useTempDir } from '../../support/tempDir'

describe('transactionNow: a write that never waits for the lock', () => {
  const tmp = useTempDir()
  const open: { close(): unknown }[] = []
  afterEach(async () => {
    for (const handle of open.splice(0).reverse()) await handle.close()
  })
  const openBoth = (): { database: SqliteSessionDatabase; other: DatabaseSync } => {
    const database = openSqliteSessionDatabase(join(tmp.path(), 'sessions.sqlite'))
    const other = new DatabaseSync(join(tmp.path(), 'sessions.sqlite'))
    open.push(database, other)
    return { database, other }
  }
  const pragma = (database: SqliteSessionDatabase, name: string): unknown =>
    Object.values(database.connection.prepare(`PRAGMA ${name}`).get() ?? {})[0]

  it('rejects with DatabaseBusyError while another connection holds the write lock, writing nothing', async () => {
    const { database, other } = openBoth()
    other.exec('BEGIN IMMEDIATE')
    let ran = false
    const started = performance.now()
    await expect(database.transactionNow(async () => (ran = true))).rejects.toThrow(
      DatabaseBusyError
    )
    // At once, not after the 5 s busy timeout.
    expect(performance.now() - started).toBeLessThan(1000)
    expect(ran).toBe(false)
    expect(database.connection.isTransaction).toBe(false)
    other.exec('ROLLBACK')
    await database.transactionNow((tx) => tx.meta.set('k', 'v'))
    expect(await database.meta.get('k')).toBe('v')
  })

  it('leaves the connection as it found it: busy timeout and auto-checkpoint restored', async () => {
    const { database, other } = openBoth()
    await database.transactionNow((tx) => tx.meta.set('k', '1'))
    other.exec('BEGIN IMMEDIATE')
    await expect(database.transactionNow(async () => undefined)).rejects.toThrow(DatabaseBusyError)
    other.exec('ROLLBACK')
    await expect(
      database.transactionNow(async () => {
        throw new Error('work failed')
      })
    ).rejects.toThrow('work failed')
    expect(await database.meta.get('k')).toBe('1')
    expect(pragma(database, 'busy_timeout')).toBe(5000)
    expect(pragma(database, 'wal_autocheckpoint')).toBe(1000)
  })
})
