import { z } from 'zod'
import { FACET_COLUMNS, SessionFilter, SessionSort } from '../../sessions/sessionQuery'
import { route } from '../route'
import { LabReportPageSchema } from '../../analytics/labReportSchema'
import { ImportOutcomeSchema } from '../../sessions/importOutcome'
import { StoredSessionSchema } from '../../sessions/storedSessionSchema'
import { AlertSummarySchema } from '../../sessions/alertSummary'
import { SaidMatchSchema } from '../../sessions/saidSearch'

export const MAX_PAGE_SIZE = 500

export const sessionRoutes = {
  'sessions.list': route({
    input: z
      .object({
        filter: SessionFilter,
        sort: SessionSort,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE)
      })
      .strict(),
    output: z
      .object({
        rows: z.array(StoredSessionSchema),
        total: z.number(),
        /** Rows whose call counted no turn: their latency of 0 stands for "none". */
        noTurnIds: z.array(z.string()),
        /** The rows' alerts summed up; rows without alerts are left out. */
        alerts: z.array(AlertSummarySchema),
        /** Where the filter's `said` words were said, per matching row. */
        matches: z.array(SaidMatchSchema)
      })
      .strict()
  }),
  'sessions.facets': route({
    input: z.object({}).strict(),
    output: z.record(z.enum(FACET_COLUMNS), z.array(z.string()))
  }),
  'sessions.pickImportFile': route({
    input: z.object({}).strict(),
    output: z.object({ token: z.string(), fileName: z.string() }).strict().nullable()
  }),
  'sessions.importFile': route({
    input: z
      .object({
        token: z.string().min(1).max(100),
        onConflict: z.enum(['fail', 'skip', 'replace'])
      })
      .strict(),
    output: ImportOutcomeSchema
  }),
  /** Deletes the pilot's sample sessions a desk's first run loaded (the welcome's offer). */
  'sessions.removeSample': route({
    input: z.object({}).strict(),
    output: z.object({ removed: z.number().int().min(0) }).strict()
  }),
  'sessions.exportCsv': route({
    input: z.object({ filter: SessionFilter, extended: z.boolean() }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }).strict(),
      z.object({ status: z.literal('saved'), path: z.string(), rows: z.number() }).strict()
    ])
  }),
  'analytics.labReport': route({
    input: z
      .object({ filter: SessionFilter, maxListed: z.number().int().min(0).max(MAX_PAGE_SIZE) })
      .strict(),
    output: LabReportPageSchema
  })
}
