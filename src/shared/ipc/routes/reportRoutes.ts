import { z } from 'zod'
import {
  ReportAlertsSchema,
  ReportFilter,
  ReportSummarySchema
} from '../../analytics/reportSchemas'
import { ReportChannelsSchema } from '../../analytics/channelFigures'
import { route } from '../route'

export const reportRoutes = {
  /** Alerts of live calls under the report's filters: per day by rule, escalation, reaction time. */
  'reports.alerts': route({
    input: z.object({ filter: ReportFilter }).strict(),
    output: ReportAlertsSchema
  }),
  /**
   * Contact-center figures by channel (desk, phone, web) of the calls under the report's filters:
   * handled, contained, transferred, abandoned, average handle time, time to first alert action.
   */
  'reports.channels': route({
    input: z.object({ filter: ReportFilter }).strict(),
    output: ReportChannelsSchema
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
