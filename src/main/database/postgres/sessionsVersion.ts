import type { Sql } from './sql'

// The sessions' version (see ../README.md): a meta row bumped by every write to `sessions`
// inside that write's own statement or transaction. Not a sequence: a sequence moves on a
// rolled-back write too, and the version must move only when the sessions do. The row's lock
// orders concurrent sessions writers across desks until each commits.

export const VERSION_KEY = 'sessions_version'

/** Appended to a write as `WITH changed AS (<write> RETURNING 1) <BUMP_IF_CHANGED>`. */
export const BUMP_IF_CHANGED = `INSERT INTO meta (key, value)
  SELECT '${VERSION_KEY}', '1' FROM (SELECT 1 FROM changed LIMIT 1) c
  ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`

/** Call inside the transaction that wrote to `sessions`, after the write. */
export async function bumpSessionsVersion(sql: Sql): Promise<void> {
  await sql.run(
    `INSERT INTO meta (key, value) VALUES ('${VERSION_KEY}', '1')
     ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`
  )
}

/** As committed now ('0' before the first write). */
export async function sessionsVersion(sql: Sql): Promise<string> {
  const rows = await sql.rows('SELECT value FROM meta WHERE key = $1', [VERSION_KEY])
  const value = rows[0]?.['value']
  return typeof value === 'string' ? value : '0'
}
