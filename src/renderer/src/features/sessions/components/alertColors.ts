import type { Severity } from '@shared/escalation/rules'

/** Severity colours shared by the timeline's alert flags and the alert list beside it. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  info: '#0277bd',
  warning: '#ef6c00',
  critical: '#b71c1c'
}
