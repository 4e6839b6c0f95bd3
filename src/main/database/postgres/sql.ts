import pg from 'pg'
import type { Pool, PoolClient } from 'pg'
import type { Row } from '../rowValues'
import { checkOut } from './checkOut'
import { CopyOutQuery, type CopyDataRange } from './copyOutQuery'
import { WRITE_LOCK } from './locks'

// How the tables reach the server: through the pool (each statement on whichever client is
// free) or through one transaction's client. Every statement is text plus bound parameters.

export type Param =
  | string
  | number
  | boolean
  | null
  | readonly (string | number | null)[]
  // bytea (recorded audio)
  | Uint8Array

export interface Sql {
  rows(text: string, params?: readonly Param[]): Promise<Row[]>
  /** Rows as arrays (the report columns: no object per row). */
  arrays(text: string, params?: readonly Param[]): Promise<unknown[][]>
  /** Returns the rows changed. */
  run(text: string, params?: readonly Param[]): Promise<number>
  /**
   * A `COPY … TO STDOUT` (which takes no parameters): its data as the server sends it, to
   * `onData`, range by range of the socket's chunks (copyOutQuery.ts); resolves once all of it
   * was handed over and the command ended.
   */
  copyOut(text: string, onData: CopyDataRange): Promise<void>
  /** `work` in one transaction: its own on the pool, the current one inside a transaction. */
  atomic<T>(work: (sql: Sql) => Promise<T>): Promise<T>
}

type Target = Pool | PoolClient

function copyOutOn(client: PoolClient, text: string, onData: CopyDataRange): Promise<void> {
  return client.query(new CopyOutQuery(text, onData)).done
}

/** A copy out on a client of the pool's, released after (discarded if the copy failed). */
async function copyOutOnPool(pool: Pool, text: string, onData: CopyDataRange): Promise<void> {
  const { client, release } = await checkOut(pool)
  let failure: Error | undefined
  try {
    await copyOutOn(client, text, onData)
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error))
    throw error
  } finally {
    release(failure)
  }
}

function sqlOn(target: Target, atomic: Sql['atomic'], copyOut: Sql['copyOut']): Sql {
  return {
    rows: async (text, params = []) =>
      (await target.query(text, params as unknown[])).rows as Row[],
    arrays: async (text, params = []) =>
      (await target.query({ text, values: params as unknown[], rowMode: 'array' }))
        .rows as unknown[][],
    run: async (text, params = []) => (await target.query(text, params as unknown[])).rowCount ?? 0,
    copyOut,
    atomic
  }
}

/** Statements inside a transaction that is already open on `client`. */
export function clientSql(client: PoolClient): Sql {
  const sql: Sql = sqlOn(
    client,
    (work) => work(sql),
    (text, onData) => copyOutOn(client, text, onData)
  )
  return sql
}

/**
 * Statements on the pool; atomic work takes a client for a transaction of its own, holding the
 * write lock shared as every write transaction does (./locks).
 */
export function poolSql(pool: Pool): Sql {
  const copyOut: Sql['copyOut'] = (text, onData) => copyOutOnPool(pool, text, onData)
  return sqlOn(
    pool,
    async (work) => {
      const { client, release } = await checkOut(pool)
      let broken = false
      try {
        await client.query('BEGIN')
        await client.query(`SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK})`)
        const result = await work(clientSql(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true))
        throw error
      } finally {
        release(broken)
      }
    },
    copyOut
  )
}

const INT8 = 20
const NUMERIC = 1700

/**
 * Type parsers for this backend's clients: bigint (COUNT(*), epoch milliseconds) and numeric as
 * JS numbers, as SQLite hands them over; every value here stays under 2^53.
 */
export const numberTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser
}
