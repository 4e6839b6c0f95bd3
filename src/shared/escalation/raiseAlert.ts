import type { AlertEvidence } from './escalationAlert'
import type { EscalationState } from './escalationState'
import { RULES, type RuleId } from './rules'

/** Raises a rule's alert unless one is already open for it in this call (de-duplication). */
export function raise(
  s: EscalationState,
  rule: RuleId,
  t: number,
  reason: string,
  evidence: AlertEvidence
): EscalationState {
  if (s.open[rule]) return s
  return {
    ...s,
    open: { ...s.open, [rule]: true },
    alerts: [...s.alerts, { rule, severity: RULES[rule].severity, t, reason, evidence }]
  }
}
