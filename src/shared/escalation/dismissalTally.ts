import type { AlertActionRecord } from './alertRecords'
import type { RuleId } from './rules'

export interface RuleDismissals {
  dismissed: number
  /** Reasons as supervisors wrote them (case and spacing folded), most frequent first. */
  reasons: { reason: string; count: number }[]
}

/**
 * Dismissals per rule with their reasons: a rule dismissed often for the same reason is the
 * one to retune. A dismiss note's first line is its reason (AlertStore stores it that way).
 */
export function tallyDismissals(
  actions: readonly AlertActionRecord[]
): Partial<Record<RuleId, RuleDismissals>> {
  const byRule = new Map<RuleId, Map<string, { reason: string; count: number }>>()
  for (const action of actions) {
    if (action.action !== 'dismiss') continue
    const reason = (action.note ?? '').split('\n')[0]!.replace(/\s+/g, ' ').trim() || '—'
    const reasons = byRule.get(action.rule) ?? new Map<string, { reason: string; count: number }>()
    byRule.set(action.rule, reasons)
    const key = reason.toLowerCase()
    const seen = reasons.get(key)
    if (seen) seen.count += 1
    else reasons.set(key, { reason, count: 1 })
  }
  const tally: Partial<Record<RuleId, RuleDismissals>> = {}
  for (const [rule, reasons] of byRule) {
    // Stable sort: equal counts keep the order the reasons were first given.
    const sorted = [...reasons.values()].sort((a, b) => b.count - a.count)
    tally[rule] = { dismissed: sorted.reduce((n, r) => n + r.count, 0), reasons: sorted }
  }
  return tally
}
