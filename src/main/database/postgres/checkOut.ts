import type { Pool, PoolClient } from 'pg'

export interface CheckedOut {
  client: PoolClient
  /** Back to the pool; `broken` (an error, or true) makes the pool discard the connection. */
  release(broken?: Error | boolean): void
}

const ignore = (): void => undefined

/**
 * A client from the pool for a transaction. While checked out, pg leaves a dropped connection's
 * `error` event to us (the pool only listens to idle clients): unheard, it would crash main. The
 * statement that needed the connection rejects with the same failure, so it is reported there.
 */
export async function checkOut(pool: Pick<Pool, 'connect'>): Promise<CheckedOut> {
  const client = await pool.connect()
  client.on('error', ignore)
  return {
    client,
    release: (broken) => {
      client.off('error', ignore)
      client.release(broken)
    }
  }
}
