import {
  GatewayEngineChoiceSchema,
  UNSET_GATEWAY_ENGINE,
  type GatewayEngineChoice,
  type TeamGatewayEngine
} from '../../../shared/gateway/teamGatewayEngine'
import { WriteNotPermittedError, type RulesChange } from './asyncSeam'
import type { Sql } from './sql'

/** SQLSTATE insufficient_privilege: roles.sql gives og_agent (and gateways) only SELECT. */
const INSUFFICIENT_PRIVILEGE = '42501'

/**
 * The team's voice engine for its gateways' new calls (gateway_settings, schema v7, one row).
 * PostgreSQL only: a desk's own SQLite has no gateways, so the seam's SessionDatabase has none.
 */
export class PostgresGatewayEngineTable {
  constructor(private readonly sql: Sql) {}

  /** The stored choice; UNSET_GATEWAY_ENGINE when nobody ever set one. */
  async read(): Promise<TeamGatewayEngine> {
    const rows = await this.sql.rows(
      `SELECT engine, updated_by,
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM gateway_settings`
    )
    const row = rows[0]
    if (!row) return UNSET_GATEWAY_ENGINE
    return {
      // Checked like any stored value: the column's CHECK and the app's enum could drift apart.
      engine: GatewayEngineChoiceSchema.parse(row['engine']),
      updatedBy: (row['updated_by'] as string | null) ?? null,
      updatedAt: row['updated_at'] as string
    }
  }

  /** A login that may not change it (og_agent, og_gateway) is refused: WriteNotPermittedError. */
  async write(engine: GatewayEngineChoice, change: RulesChange): Promise<void> {
    try {
      await this.sql.run(
        `INSERT INTO gateway_settings (only_row, engine, updated_by, updated_at)
         VALUES (true, $1, $2, $3::timestamptz)
         ON CONFLICT (only_row) DO UPDATE SET engine = excluded.engine,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [engine, change.seat, change.at]
      )
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === INSUFFICIENT_PRIVILEGE)
        throw new WriteNotPermittedError(
          "This login may not change the gateways' voice engine (its role is not og_supervisor)",
          { cause: error }
        )
      throw error
    }
  }
}
