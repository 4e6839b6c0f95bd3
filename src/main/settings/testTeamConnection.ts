import pg from 'pg'
import { CHECKED_PRIVILEGES, privilegeProblems } from '../../shared/settings/seatPrivileges'
import type { TeamConnectionTest } from '../../shared/settings/teamConnectionTest'
import type { TeamConnection, TeamRole } from '../../shared/settings/teamSettings'
import { teamUrlWithoutPassword } from '../../shared/settings/teamUrl'
import { teamClientConfig } from './teamClientConfig'
import { teamConnectionFailure } from './teamConnectionFailure'

export interface TeamConnectionTestInput {
  connection: TeamConnection
  role: TeamRole
  /** The saved password for this server, unsealed in main; undefined: none saved. */
  password: string | undefined
  /** The team schema version this console writes; absent: only absent/present is told. */
  schemaVersion?: number
  readFile?: (path: string) => Buffer
  now?: () => number
}

const TEST_TIMEOUT_MS = 5_000

type SchemaState = Extract<TeamConnectionTest, { ok: true }>['schema']

/**
 * Settings → Team → Test connection: really connects (short timeouts), then reads the server's
 * version, the team schema's version (schema_migrations) and what this login may do on the
 * team's tables, judged against the seat's role. Read-only: it changes nothing on the server.
 */
export async function testTeamConnection(
  input: TeamConnectionTestInput
): Promise<TeamConnectionTest> {
  const now = input.now ?? Date.now
  const started = now()
  const url = teamUrlWithoutPassword(input.connection)
  let client: pg.Client | undefined
  try {
    client = new pg.Client({
      ...teamClientConfig(input.connection, input.password, input.readFile),
      // Short: a person is waiting on the button (the backend's own connections wait longer).
      connectionTimeoutMillis: TEST_TIMEOUT_MS,
      query_timeout: TEST_TIMEOUT_MS
    })
    // A socket error after connect must not become an unhandled 'error' event.
    client.on('error', () => undefined)
    await client.connect()
    const version = await client.query<{ server_version: string }>('SHOW server_version')
    const schema = await schemaState(client, input.schemaVersion)
    const privileges = await client.query<{
      table: string
      privilege: string
      granted: boolean | null
    }>(
      `SELECT c.tbl AS "table", c.priv AS privilege,
              has_table_privilege(to_regclass(c.tbl), c.priv) AS granted
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(tbl, priv, n)
        ORDER BY c.n`,
      [CHECKED_PRIVILEGES.map((p) => p.table), CHECKED_PRIVILEGES.map((p) => p.privilege)]
    )
    const problems = privilegeProblems(input.role, privileges.rows)
    const serverVersion = version.rows[0]?.server_version ?? 'unknown'
    return {
      ok: true,
      ms: now() - started,
      url,
      serverVersion,
      schema,
      privileges: privileges.rows,
      problems,
      message: `Connected to PostgreSQL ${serverVersion} at ${input.connection.host}:${input.connection.port}; team schema ${schema.state}${schema.version === null ? '' : ` (version ${schema.version})`}; ${problems.length} privilege problem(s) for an ${input.role} seat.`
    }
  } catch (error) {
    const failure = teamConnectionFailure(error, input.connection, input.password)
    // Even a user named like the password (a paste into the wrong field) is not echoed.
    const shownUrl = input.password ? url.split(input.password).join('•••') : url
    return { ok: false, url: shownUrl, ...failure }
  } finally {
    await client?.end().catch(() => undefined)
  }
}

async function schemaState(client: pg.Client, known: number | undefined): Promise<SchemaState> {
  const present = await client.query<{ present: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS present`
  )
  if (!present.rows[0]?.present) return { state: 'absent', version: null }
  const max = await client.query<{ version: string | null }>(
    'SELECT max(version)::text AS version FROM schema_migrations'
  )
  const raw = max.rows[0]?.version
  const version = raw === null || raw === undefined ? null : Number(raw)
  if (version === null || !Number.isSafeInteger(version) || known === undefined)
    return { state: 'present', version: Number.isSafeInteger(version) ? version : null }
  return { state: version > known ? 'newer' : version < known ? 'older' : 'current', version }
}
