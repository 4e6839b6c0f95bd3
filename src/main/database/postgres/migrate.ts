import type { Pool } from 'pg'
import { checkOut } from './checkOut'
import { MIGRATION_LOCK } from './locks'
import { migrations as shipped } from './migrations'

/** The database was migrated by a newer build: this one would misread it, so it refuses. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number
  ) {
    super(
      `The team database's schema is version ${found}, newer than this build knows (${known}): ` +
        'update this console before connecting it to the team database'
    )
  }
}

/**
 * Brings the schema up to date in one transaction, under an advisory lock: a second desk
 * starting at the same moment waits, then finds the versions applied. Returns the version.
 */
export async function migrate(
  pool: Pick<Pool, 'connect'>,
  migrations: readonly string[] = shipped
): Promise<number> {
  const { client, release } = await checkOut(pool)
  try {
    await client.query('BEGIN')
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    // Created only when absent: even IF NOT EXISTS needs CREATE on the schema, which a desk's
    // least-privilege login (resources/team/roles.sql) does not have.
    const { rows: found } = await client.query<{ t: string | null }>(
      "SELECT to_regclass('schema_migrations')::text AS t"
    )
    if (!found[0]?.t)
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations'
    )
    const current = rows[0]?.v ?? 0
    if (current > migrations.length) throw new NewerSchemaError(current, migrations.length)
    for (let version = current + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1]!)
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version])
    }
    await client.query('COMMIT')
    return migrations.length
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    release()
  }
}
