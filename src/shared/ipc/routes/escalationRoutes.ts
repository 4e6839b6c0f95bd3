import { z } from 'zod'
import {
  ALERT_STATUSES,
  MAX_LISTED_ALERTS,
  AlertActionRecordSchema,
  AlertActionSchema,
  AlertActionsQuerySchema,
  StoredAlertSchema
} from '../../escalation/alertRecords'
import { BacktestInputSchema, BacktestResultSchema } from '../../escalation/backtestSchema'
import { EscalationRulesSchema } from '../../escalation/escalationRules'
import { EscalationThresholdsSchema } from '../../escalation/thresholds'
import { route } from '../route'

export { MAX_LISTED_ALERTS }

export const escalationRoutes = {
  /** The rules over recorded sessions, scored against negative sentiment (Monitor → Rules). */
  'escalation.backtest': route({ input: BacktestInputSchema, output: BacktestResultSchema }),
  /** The thresholds in force: this desk's settings, or in team mode the team's rules. */
  'escalation.rules.get': route({
    input: z.object({}).strict(),
    output: EscalationRulesSchema
  }),
  /**
   * Saves the thresholds where they live (the team's rules in team mode, refused for an agent's
   * login with "Only a supervisor can change the team's escalation rules"); returns them as now.
   */
  'escalation.rules.save': route({
    input: z.object({ thresholds: EscalationThresholdsSchema }).strict(),
    output: EscalationRulesSchema
  }),
  /** Alerts raised by live calls, newest first, in one status or any of several. */
  'alerts.list': route({
    input: z
      .object({
        status: z
          .union([
            z.enum(ALERT_STATUSES),
            z.array(z.enum(ALERT_STATUSES)).min(1).max(ALERT_STATUSES.length)
          ])
          .optional(),
        limit: z.number().int().min(1).max(MAX_LISTED_ALERTS).default(200)
      })
      .strict(),
    output: z.array(StoredAlertSchema)
  }),
  /**
   * A supervisor's action, logged with who and when; returns the updated alert (after an
   * escalation its actionNote is the handoff note).
   */
  'alerts.act': route({ input: AlertActionSchema, output: StoredAlertSchema }),
  /** The action log (alert_actions), oldest first: history of an alert or a call, dismissals. */
  'alerts.actions': route({
    input: AlertActionsQuerySchema,
    output: z.array(AlertActionRecordSchema)
  })
}
