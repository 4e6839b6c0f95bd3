import type { EscalationThresholds } from '../../../shared/escalation/thresholds'
import { toRuleRows, toStoredRules } from '../rulesRows'
import { WriteNotPermittedError } from './asyncSeam'
import type { RulesChange, RulesTable, StoredRules } from './asyncSeam'
import type { Sql } from './sql'

/** SQLSTATE insufficient_privilege: roles.sql gives og_agent only SELECT on the rules. */
const INSUFFICIENT_PRIVILEGE = '42501'

/** The team's escalation rules (schema v2), read and written by every desk's console. */
export class PostgresRulesTable implements RulesTable {
  constructor(private readonly sql: Sql) {}

  async read(): Promise<StoredRules | null> {
    // updated_at back as the ISO text it was written as (SQLite keeps the text itself).
    const rows = await this.sql.rows(
      `SELECT rule_id, enabled, thresholds, updated_by,
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM escalation_rules`
    )
    return toStoredRules(rows)
  }

  /** One statement: every group's row changes, or none does. */
  async write(thresholds: EscalationThresholds, change: RulesChange): Promise<void> {
    const rows = toRuleRows(thresholds)
    try {
      await this.sql.run(
        `INSERT INTO escalation_rules (rule_id, enabled, thresholds, updated_by, updated_at)
         SELECT rule_id, enabled, thresholds, $4, $5::timestamptz
           FROM unnest($1::text[], $2::smallint[], $3::jsonb[]) AS r (rule_id, enabled, thresholds)
         ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled,
           thresholds = excluded.thresholds, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
        [
          rows.map((row) => row.ruleId),
          rows.map((row) => row.enabled),
          rows.map((row) => row.thresholds),
          change.seat,
          change.at
        ]
      )
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === INSUFFICIENT_PRIVILEGE)
        throw new WriteNotPermittedError(
          'This login may not change the escalation rules (its role is not og_supervisor)',
          { cause: error }
        )
      throw error
    }
  }
}
