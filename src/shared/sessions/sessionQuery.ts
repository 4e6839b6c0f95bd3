import { z } from 'zod'
import { EXTENDED_COLUMNS, LAB_COLUMNS, SESSION_SOURCES } from './labSchema'

const values = z.array(z.string().max(200)).max(100)

/** Most sessions an id-list filter names (a backtest cell opened in Sessions). */
export const MAX_FILTER_SESSION_IDS = 1000

/** Filters shared by the Sessions table, the lab report and exports. Empty = everything. */
export const SessionFilter = z
  .object({
    search: z.string().max(200).optional(),
    scenario: values.optional(),
    sentiment: values.optional(),
    language: values.optional(),
    model: values.optional(),
    source: z.array(z.enum(SESSION_SOURCES)).max(3).optional(),
    ragUsed: z.boolean().optional(),
    /** Exactly these sessions; unlike the lists above, an empty list matches none. */
    sessionIds: z.array(z.string().max(200)).max(MAX_FILTER_SESSION_IDS).optional()
  })
  .strict()
export type SessionFilter = z.infer<typeof SessionFilter>

export const SORTABLE_COLUMNS = [...LAB_COLUMNS, ...EXTENDED_COLUMNS] as const
export const SessionSort = z
  .object({
    column: z.enum(SORTABLE_COLUMNS),
    direction: z.enum(['asc', 'desc'])
  })
  .strict()
export type SessionSort = z.infer<typeof SessionSort>

export const FACET_COLUMNS = ['scenario', 'sentiment', 'language', 'model', 'source'] as const
export type FacetColumn = (typeof FACET_COLUMNS)[number]
