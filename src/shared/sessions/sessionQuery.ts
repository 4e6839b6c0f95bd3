import { z } from 'zod'
import { EXTENDED_COLUMNS, LAB_COLUMNS, SESSION_SOURCES } from './labSchema'
import { VOICE_ENGINES } from '../live-call/voiceEngine'
import { RULE_IDS } from '../escalation/rules'

const values = z.array(z.string().max(200)).max(100)

/** Most sessions an id-list filter names (a backtest cell opened in Sessions). */
export const MAX_FILTER_SESSION_IDS = 1000

/** Most a latency bound may be (ms): far past any call, small enough to stay a plain number. */
export const MAX_FILTER_LATENCY_MS = 1e7
const MAX_FILTER_INTERRUPTIONS = 1e6

const minNotAboveMax = (r: { min?: number; max?: number }): boolean =>
  r.min === undefined || r.max === undefined || r.min <= r.max
const REVERSED = { message: 'min must not be above max', path: ['max'] }

const latencyMs = z.number().min(0).max(MAX_FILTER_LATENCY_MS)
/** A latency range in ms, half-open [min, max) like the histogram's bins. */
export const LatencyRange = z
  .object({ min: latencyMs.optional(), max: latencyMs.optional() })
  .strict()
  .refine(minNotAboveMax, REVERSED)

const count = z.number().int().min(0).max(MAX_FILTER_INTERRUPTIONS)
/** A range of interruption counts, both ends included. */
export const CountRange = z
  .object({ min: count.optional(), max: count.optional() })
  .strict()
  .refine(minNotAboveMax, REVERSED)
export type LatencyRange = z.infer<typeof LatencyRange>
export type CountRange = z.infer<typeof CountRange>

/** A calendar day, YYYY-MM-DD: a UTC day of `started_at`. */
const IsoDay = z.iso.date()

/** Filters shared by the Sessions table, the lab report and exports. Empty = everything. */
export const SessionFilter = z
  .object({
    search: z.string().max(200).optional(),
    /**
     * Scenarios whose name in the reader's language contains `search` ("Queja" for complaint):
     * rows of these scenarios match the search too. Only with `search`; the renderer knows the
     * names, main the codes.
     */
    searchScenarios: z.array(z.string().min(1).max(100)).max(20).optional(),
    /**
     * Words said in the call, by the caller or the agent (full-text search over recorded calls'
     * transcripts, saidSearch.ts): every word must be there, the last one as a prefix.
     * Sessions without a transcript (the seed, imports) never match.
     */
    said: z.string().max(200).optional(),
    /** sessions.escalated set (true), or not set (false: null or 0). */
    escalated: z.boolean().optional(),
    /** At least one alert was raised in the call (true), or none (false). */
    hasAlerts: z.boolean().optional(),
    /** At least one alert of one of these rules; like the lists above, empty = no filter. */
    alertRules: z.array(z.enum(RULE_IDS)).max(RULE_IDS.length).optional(),
    scenario: values.optional(),
    sentiment: values.optional(),
    language: values.optional(),
    model: values.optional(),
    source: z.array(z.enum(SESSION_SOURCES)).max(3).optional(),
    ragUsed: z.boolean().optional(),
    /**
     * The voice engine of recorded calls (calls.engine). Sessions without a call row (the seed,
     * imports) are Realtime's: the lab measured that API.
     */
    engine: z.enum(VOICE_ENGINES).optional(),
    /** Exactly these sessions; unlike the lists above, an empty list matches none. */
    sessionIds: z.array(z.string().max(200)).max(MAX_FILTER_SESSION_IDS).optional(),
    latencyP50Ms: LatencyRange.optional(),
    latencyP95Ms: LatencyRange.optional(),
    interruptions: CountRange.optional(),
    /** Started on or after this UTC day / on or before it; undated sessions never match. */
    startedFrom: IsoDay.optional(),
    startedTo: IsoDay.optional()
  })
  .strict()
  .refine((f) => !f.startedFrom || !f.startedTo || f.startedFrom <= f.startedTo, {
    message: 'startedFrom must not be after startedTo',
    path: ['startedTo']
  })
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
