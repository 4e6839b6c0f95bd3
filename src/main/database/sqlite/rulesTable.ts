import type { DatabaseSync } from 'node:sqlite'
import type { EscalationThresholds } from '../../../shared/escalation/thresholds'
import { toRuleRows, toStoredRules } from '../rulesRows'
import type { RulesChange, RulesTable, StoredRules } from '../SessionDatabase'
import type { Synchronous } from './Synchronous'

/** The escalation rules' rows (schema v6). */
export class SqliteRulesTable implements Synchronous<RulesTable> {
  constructor(private readonly db: DatabaseSync) {}

  read(): StoredRules | null {
    return toStoredRules(
      this.db
        .prepare(
          'SELECT rule_id, enabled, thresholds, updated_by, updated_at FROM escalation_rules'
        )
        .all()
    )
  }

  /** One statement: every group's row changes, or none does. */
  write(thresholds: EscalationThresholds, change: RulesChange): void {
    const rows = toRuleRows(thresholds)
    this.db
      .prepare(
        `INSERT INTO escalation_rules (rule_id, enabled, thresholds, updated_by, updated_at)
         VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (rule_id) DO UPDATE SET enabled = excluded.enabled,
           thresholds = excluded.thresholds, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`
      )
      .run(
        ...rows.flatMap((row) => [row.ruleId, row.enabled, row.thresholds, change.seat, change.at])
      )
  }
}
