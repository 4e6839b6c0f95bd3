import type { StoredAlert } from '../../shared/escalation/alertRecords'
import { RULES, type Severity } from '../../shared/escalation/rules'

/** What the OS notification says about an alert, and which alert it is about. */
export interface AlertNotice {
  title: string
  body: string
  alertId: number
  sessionId: string
  severity: Severity
}

export interface AlertNotifierDeps {
  /** True when the supervisor cannot see the console (no window focused). */
  isAway: () => boolean
  /** Shows the notice (Electron's Notification; a list in the browser harness). */
  show: (notice: AlertNotice) => void
  /** A failed notification must not fail the recording that raised the alert. */
  onError?: (error: unknown) => void
}

export type NotifyOutcome = 'shown' | 'present' | 'failed'

const SEVERITY_WORD: Record<Severity, string> = {
  info: 'Call note',
  warning: 'Call alert',
  critical: 'Urgent call alert'
}

/** Title: how urgent and which rule; body: the rule's reason, the caller's words, the session. */
export function alertNotice(alert: StoredAlert): AlertNotice {
  const quote = alert.evidence.items.find((item) => item.quote)?.quote
  const lines = [alert.reason, quote ? `“${quote}”` : null, `Session ${alert.sessionId}`]
  return {
    title: `${SEVERITY_WORD[alert.severity]}: ${RULES[alert.rule].label}`,
    body: lines.filter((line) => line !== null).join('\n'),
    alertId: alert.alertId,
    sessionId: alert.sessionId,
    severity: alert.severity
  }
}

/**
 * Decides, for each raised alert, whether the supervisor needs an OS notification: only when
 * the console is not in front (the banner and cue already reach someone looking at it).
 */
export function createAlertNotifier(
  deps: AlertNotifierDeps
): (alert: StoredAlert) => NotifyOutcome {
  return (alert) => {
    try {
      if (!deps.isAway()) return 'present'
      deps.show(alertNotice(alert))
      return 'shown'
    } catch (error) {
      deps.onError?.(error)
      return 'failed'
    }
  }
}
