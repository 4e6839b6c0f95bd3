import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import type { TransactionScope } from '../../../src/main/database/SessionDatabase'
import { useTempDir } from '../../support/tempDir'

// SQLite has one connection for the whole app: its transactions must queue, since their work
// awaits between statements and anything run on the connection meanwhile would land inside.

describe('SQLite: transactions on the one connection', () => {
  const tmp = useTempDir()
  let database: SqliteSessionDatabase | undefined
  afterEach(async () => {
    await database?.close()
    database = undefined
  })
  const open = (): SqliteSessionDatabase =>
    (database = openSqliteSessionDatabase(join(tmp.path(), 'sessions.sqlite')))

  /** Read, yield to the event loop, write back + 1: lost updates if two ever interleave. */
  const increment = (tx: TransactionScope): Promise<void> =>
    tx.meta.get('n').then(async (value) => {
      await new Promise((resume) => setImmediate(resume))
      await tx.meta.set('n', String(Number(value ?? 0) + 1))
    })

  it('never interleaves two transactions, even when their work waits on the event loop', async () => {
    const db = open()
    await Promise.all(Array.from({ length: 20 }, () => db.transaction(increment)))
    expect(await db.meta.get('n')).toBe('20')
  })

  it('makes a statement outside wait for the open transaction, so a rollback spares it', async () => {
    const db = open()
    const order: string[] = []
    const rolledBack = db.transaction(async (tx) => {
      await tx.meta.set('inside', 'x')
      await new Promise((resume) => setImmediate(resume))
      order.push('work done')
      throw new Error('undo')
    })
    const outside = db.meta.set('outside', 'y').then(() => order.push('outside written'))
    await expect(rolledBack).rejects.toThrow('undo')
    await outside
    expect(order).toEqual(['work done', 'outside written'])
    expect(await db.meta.get('inside')).toBeUndefined()
    expect(await db.meta.get('outside')).toBe('y')
    expect(db.connection.isTransaction).toBe(false)
  })

  it('runs a statement at once when no transaction is open or queued', async () => {
    const db = open()
    let ran = false
    const written = db.meta.set('k', 'v').then(() => (ran = true))
    // Already written synchronously: another connection would see it before any await.
    expect(db.connection.prepare("SELECT value FROM meta WHERE key = 'k'").get()).toEqual({
      value: 'v'
    })
    await written
    expect(ran).toBe(true)
  })

  it('refuses the database inside its own transaction, and a scope used after it ended', async () => {
    const db = open()
    await expect(db.transaction(async () => db.meta.get('k'))).rejects.toThrow(/use its tables/)
    await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(
      /do not nest/
    )
    let kept: TransactionScope | undefined
    await db.transaction(async (tx) => void (kept = tx))
    await expect(kept!.meta.get('k')).rejects.toThrow(/has ended/)
    // The connection is free again.
    await db.transaction((tx) => tx.meta.set('k', 'v'))
    expect(await db.meta.get('k')).toBe('v')
  })
})
