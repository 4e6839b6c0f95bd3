import { z } from 'zod'
import { ALERT_STATUSES, AlertActionSchema, StoredAlertSchema } from '../../escalation/alertRecords'
import { BacktestInputSchema, BacktestResultSchema } from '../../escalation/backtestSchema'
import { route } from '../route'

export const MAX_LISTED_ALERTS = 500

export const escalationRoutes = {
  /** The rules over recorded sessions, scored against negative sentiment (Monitor → Rules). */
  'escalation.backtest': route({ input: BacktestInputSchema, output: BacktestResultSchema }),
  /** Alerts raised by live calls, newest first. */
  'alerts.list': route({
    input: z
      .object({
        status: z.enum(ALERT_STATUSES).optional(),
        limit: z.number().int().min(1).max(MAX_LISTED_ALERTS).default(200)
      })
      .strict(),
    output: z.array(StoredAlertSchema)
  }),
  /** A supervisor's action, stored with who and when; returns the updated alert. */
  'alerts.act': route({ input: AlertActionSchema, output: StoredAlertSchema })
}
