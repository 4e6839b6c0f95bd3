import type { RuleId, Severity } from './rules'

/** One caller utterance or turn an alert points at. */
export interface EvidenceItem {
  itemId: string | null
  /** The turn's 1-based index (as in turn records) when known when the alert fired. */
  turnIndex: number | null
  /** Page clock, ms. */
  t: number
  quote: string | null
}

/** Why an alert fired: the turns, the caller's words, and the figures against the thresholds. */
export interface AlertEvidence {
  items: EvidenceItem[]
  figures: Record<string, number>
}

export interface EscalationAlert {
  rule: RuleId
  severity: Severity
  /** When the triggering domain event happened (page clock, ms). */
  t: number
  /** One line a supervisor reads in the banner. */
  reason: string
  evidence: AlertEvidence
}
