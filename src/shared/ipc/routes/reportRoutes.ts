import { z } from 'zod'
import {
  ReportAlertsSchema,
  ReportFilter,
  ReportSummarySchema
} from '../../analytics/reportSchemas'
import { route } from '../route'

export const reportRoutes = {
  /** Alerts of live calls under the report's filters: per day by rule, escalation, reaction time. */
  'reports.alerts': route({
    input: z.object({ filter: ReportFilter }).strict(),
    output: ReportAlertsSchema
  }),
  'reports.summary': route({
    input: z.object({ filter: ReportFilter }).strict(),
    output: ReportSummarySchema
  }),
  /**
   * Prints the window as it shows the report to a PDF the user names (Electron's printToPDF).
   * `unavailable` where main cannot print pages (the browser harness): print from the page.
   */
  'reports.savePdf': route({
    input: z.object({}).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string(), bytes: z.number().int() }).strict(),
      z.object({ status: z.literal('cancelled') }).strict(),
      z.object({ status: z.literal('unavailable') }).strict()
    ])
  })
}
