// The escalation rules: ids as stored in the alerts table, labels, and how severe each is.

export const RULE_IDS = [
  'interruptions_total',
  'interruptions_burst',
  'human_request',
  'negative_sentiment',
  'latency',
  'tool_trouble'
] as const
export type RuleId = (typeof RULE_IDS)[number]

export const SEVERITIES = ['info', 'warning', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

export interface RuleInfo {
  label: string
  severity: Severity
  /** True when a session-level row (lab CSV: counts only, no turns) is enough to apply it. */
  sessionLevel: boolean
}

// A caller asking for a person is the one thing the agent must never sit on: critical. Slow
// audio and tool trouble explain frustration rather than show it: info.
export const RULES: Record<RuleId, RuleInfo> = {
  interruptions_total: {
    label: 'Interruptions in the call',
    severity: 'warning',
    sessionLevel: true
  },
  interruptions_burst: {
    label: 'Interruptions in a short time',
    severity: 'warning',
    sessionLevel: false
  },
  human_request: { label: 'Caller asks for a human', severity: 'critical', sessionLevel: false },
  negative_sentiment: {
    label: 'Negative caller + interruption',
    severity: 'warning',
    sessionLevel: false
  },
  latency: { label: 'Slow answers (at-ear P95)', severity: 'info', sessionLevel: false },
  tool_trouble: { label: 'Tool failures / empty searches', severity: 'info', sessionLevel: false }
}
