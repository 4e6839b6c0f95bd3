import { EscalationThresholdsSchema } from '../../shared/escalation/thresholds'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import { columnsOf, type Row } from './rowValues'
import { InvalidRulesError, type StoredRules } from './SessionDatabase'

// escalation_rules rows ⇄ the app's thresholds, for both backends: one row per rule group, its
// `enabled` flag in a column of its own and its other fields as a JSON object. What is read is
// checked with the app's schema (the database does not check the JSON), so a row written by
// hand or by another build is refused with its reason instead of reaching the live rules.

type RuleGroup = keyof EscalationThresholds

/** interruptions, humanRequest, sentiment, latency, tools: the rows' rule_id. */
export const RULE_GROUPS = Object.keys(EscalationThresholdsSchema.shape) as RuleGroup[]

export interface RuleRow {
  ruleId: RuleGroup
  enabled: 0 | 1
  /** The group's other fields, as JSON text. */
  thresholds: string
}

const col = columnsOf('escalation_rules')

/** The rows to write for `thresholds` (refused with zod's issues when the schema refuses them). */
export function toRuleRows(thresholds: EscalationThresholds): RuleRow[] {
  const valid = EscalationThresholdsSchema.parse(thresholds)
  return RULE_GROUPS.map((ruleId) => {
    const { enabled, ...fields } = valid[ruleId]
    return { ruleId, enabled: enabled ? 1 : 0, thresholds: JSON.stringify(fields) }
  })
}

const invalid = (reason: string): InvalidRulesError =>
  new InvalidRulesError(`The stored escalation rules are invalid (escalation_rules: ${reason})`)

/** The group's fields: jsonb arrives parsed (PostgreSQL), JSON text as text (SQLite). */
function fieldsOf(row: Row, ruleId: string): Record<string, unknown> {
  let value = row['thresholds']
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      throw invalid(`${ruleId}: thresholds is not JSON`)
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${ruleId}: thresholds is not a JSON object`)
  return value as Record<string, unknown>
}

/** Every group's row → the thresholds and the latest change; null when there are no rows. */
export function toStoredRules(rows: readonly Row[]): StoredRules | null {
  if (rows.length === 0) return null
  const groups: Record<string, unknown> = {}
  let updatedAt = ''
  let updatedBy: string | null = null
  for (const row of rows) {
    const ruleId = col.text(row, 'rule_id')
    if (!(RULE_GROUPS as string[]).includes(ruleId)) throw invalid(`unknown rule group "${ruleId}"`)
    const fields = fieldsOf(row, ruleId)
    if ('enabled' in fields) throw invalid(`${ruleId}: "enabled" belongs in its own column`)
    groups[ruleId] = { ...fields, enabled: col.flag(row, 'enabled') }
    const at = col.text(row, 'updated_at')
    if (at > updatedAt) {
      updatedAt = at
      updatedBy = col.textOrNull(row, 'updated_by')
    }
  }
  const missing = RULE_GROUPS.filter((group) => !(group in groups))
  if (missing.length > 0) throw invalid(`no row for ${missing.join(', ')}`)
  const parsed = EscalationThresholdsSchema.safeParse(groups)
  if (!parsed.success)
    throw invalid(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    )
  return { thresholds: parsed.data, updatedBy, updatedAt }
}
