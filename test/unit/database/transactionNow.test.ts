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
  const open: { close(): void }[] = []
  afterEach(() => {
    for (const handle of open.splice(0).reverse()) handle.close()
  })
  const openBoth = (): { database: SqliteSessionDatabase; other: DatabaseSync } => {
    const database = openSqliteSessionDatabase(join(tmp.path(), 'sessions.sqlite'))
    const other = new DatabaseSync(join(tmp.path(), 'sessions.sqlite'))
    open.push(database, other)
    return { database, other }
  }
  const pragma = (database: SqliteSessionDatabase, name: string): unknown =>
    Object.values(database.connection.prepare(`PRAGMA ${name}`).get() ?? {})[0]

  it('throws DatabaseBusyError while another connection holds the write lock, writing nothing', () => {
    const { database, other } = openBoth()
    other.exec('BEGIN IMMEDIATE')
    let ran = false
    expect(() => database.transactionNow(() => (ran = true))).toThrow(DatabaseBusyError)
    expect(ran).toBe(false)
    expect(database.connection.isTransaction).toBe(false)
    other.exec('ROLLBACK')
    database.transactionNow(() => database.meta.set('k', 'v'))
    expect(database.meta.get('k')).toBe('v')
  })

  it('leaves the connection as it found it: busy timeout and auto-checkpoint restored', () => {
    const { database, other } = openBoth()
    database.transactionNow(() => database.meta.set('k', '1'))
    other.exec('BEGIN IMMEDIATE')
    expect(() => database.transactionNow(() => undefined)).toThrow(DatabaseBusyError)
    other.exec('ROLLBACK')
    expect(() =>
      database.transactionNow(() => {
        throw new Error('work failed')
      })
    ).toThrow('work failed')
    expect(database.meta.get('k')).toBe('1')
    expect(pragma(database, 'busy_timeout')).toBe(5000)
    expect(pragma(database, 'wal_autocheckpoint')).toBe(1000)
  })
})
