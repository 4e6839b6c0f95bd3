import { z } from 'zod'
import { MAX_FILTER_SESSION_IDS, SessionFilter } from '../sessions/sessionQuery'

// The Reports screen's filter and figures (aggregated in SQL by main); the types come from them.

/** A calendar day, as the date inputs give it: YYYY-MM-DD (UTC days of `started_at`). */
const IsoDay = z.iso.date()

/**
 * The Reports screen's filters: the Sessions filters minus free-text search, plus a date range
 * on `started_at`. A date range keeps only dated sessions (live calls; lab CSVs carry no dates).
 */
export const ReportFilter = z
  .object({
    scenario: SessionFilter.shape.scenario,
    sentiment: SessionFilter.shape.sentiment,
    language: SessionFilter.shape.language,
    model: SessionFilter.shape.model,
    source: SessionFilter.shape.source,
    ragUsed: SessionFilter.shape.ragUsed,
    engine: SessionFilter.shape.engine,
    startedFrom: IsoDay.optional(),
    startedTo: IsoDay.optional()
  })
  .strict()
  .refine((f) => !f.startedFrom || !f.startedTo || f.startedFrom <= f.startedTo, {
    message: 'startedFrom must not be after startedTo',
    path: ['startedTo']
  })
export type ReportFilter = z.infer<typeof ReportFilter>

/** The latency-per-session chart never carries more points than this, whatever the data size. */
export const MAX_LATENCY_POINTS = 1000

const n = z.number()
const nn = z.number().nullable()
const obj = <T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strict> =>
  z.object(shape).strict()

/**
 * One latency scale's figures (latencyScales.ts): its sessions in the filter, those whose
 * latency counted (a call with no counted turn is in no latency figure), their mean P50/P95,
 * and how many have a P95 above the scale's own threshold (share of the counted ones).
 */
export const LatencyScaleKpisSchema = obj({
  sessions: n,
  timedSessions: n,
  avgP50Ms: nn,
  avgP95Ms: nn,
  slowThresholdMs: n,
  slowSessions: n,
  slowSharePct: nn
})
export type LatencyScaleKpis = z.infer<typeof LatencyScaleKpisSchema>

export const ReportKpisSchema = obj({
  sessions: n,
  /** Sessions whose latency counted; the latency figures below are over these only. */
  timedSessions: n,
  /** Both scales together: only meaningful when the filter holds one (see `latency`). */
  avgP50Ms: nn,
  avgP95Ms: nn,
  /** The lab's (imported scale's) threshold. */
  slowThresholdMs: n,
  /** Slow on each session's own scale. */
  slowSessions: n,
  slowSharePct: nn,
  latency: obj({ live: LatencyScaleKpisSchema, imported: LatencyScaleKpisSchema }),
  negativeSessions: n,
  negativeSharePct: nn,
  ragSessions: n,
  ragUsagePct: nn,
  avgInterruptions: nn
})

/**
 * One session, or (past MAX_LATENCY_POINTS sessions) a run of consecutive sessions by id. The
 * latencies are over the run's sessions whose latency counted: null when none did (a call with
 * no counted turn: a gap on the chart, not a drop to 0).
 */
const LatencyPointSchema = obj({
  firstSessionId: z.string(),
  lastSessionId: z.string(),
  sessions: n,
  /** Sessions of the run whose call counted no turn. */
  untimedSessions: n,
  /** Sessions of the run that are live calls (their own scale and threshold). */
  liveSessions: n,
  p50Ms: nn,
  p95Ms: nn,
  maxP95Ms: nn
})

export const ReportSummarySchema = obj({
  kpis: ReportKpisSchema,
  latencyPerSession: obj({
    bucketed: z.boolean(),
    points: z.array(LatencyPointSchema).max(MAX_LATENCY_POINTS)
  }),
  histogram: obj({
    binWidthMs: n,
    bins: z.array(obj({ fromMs: n, toMs: n, p50Sessions: n, p95Sessions: n }))
  }),
  /** value_counts order: most sessions first, ties by name. */
  byScenario: z.array(
    obj({
      scenario: z.string(),
      sessions: n,
      avgP50Ms: nn,
      avgP95Ms: nn,
      slowSessions: n,
      ragSessions: n,
      ragUsagePct: n
    })
  ),
  /** value_counts order. */
  sentiments: z.array(obj({ sentiment: z.string(), sessions: n, sharePct: n })),
  /** groupby order: sorted by sentiment. */
  interruptionsBySentiment: z.array(
    obj({ sentiment: z.string(), sessions: n, avgInterruptions: n })
  ),
  interruptionsVsSentiment: z.array(obj({ interruptions: n, sentiment: z.string(), sessions: n })),
  /** With RAG first, then without; a side with no sessions is left out. */
  rag: z.array(obj({ ragUsed: z.boolean(), sessions: n, avgP50Ms: nn, avgP95Ms: nn })),
  /** value_counts order; the dominant sentiment is pandas' mode (ties: first in sorted order). */
  languages: z.array(
    obj({
      language: z.string(),
      sessions: n,
      sharePct: n,
      avgP50Ms: nn,
      dominantSentiment: z.string()
    })
  ),
  overTime: obj({
    undatedSessions: n,
    days: z.array(obj({ day: z.string(), sessions: n, negativeSessions: n, negativeSharePct: n }))
  })
})
export type ReportSummary = z.infer<typeof ReportSummarySchema>
export type ReportKpis = z.infer<typeof ReportKpisSchema>

/**
 * The calls behind one bar, for its click-through; null past MAX_FILTER_SESSION_IDS (the
 * Sessions id filter's limit), when the bar cannot be opened as a list.
 */
const DrillIds = z.array(z.string()).max(MAX_FILTER_SESSION_IDS).nullable()

/** Bins of the time from a call's first alert to the supervisor's first action on it. */
export const FIRST_ACTION_BINS_MS = [0, 30_000, 60_000, 120_000, 300_000, 900_000] as const

export const ReportAlertsSchema = obj({
  /** Sessions in the filter, alerts raised on them, and how many of them had any alert. */
  sessions: n,
  alerts: n,
  alertedSessions: n,
  /** Sessions with an escalated alert / sessions in the filter. */
  escalatedSessions: n,
  escalationRatePct: nn,
  escalatedSessionIds: DrillIds,
  /** UTC day the alert was raised, then rule; every (day, rule) with at least one alert. */
  perDay: z.array(
    obj({ day: z.string(), rule: z.string(), alerts: n, sessions: n, sessionIds: DrillIds })
  ),
  firstAction: obj({
    /** Alerted sessions a supervisor acted on, and those still without any action. */
    actedSessions: n,
    unactedSessions: n,
    /** numpy-linear percentiles over the acted sessions' delays. */
    medianMs: nn,
    p90Ms: nn,
    /** One entry per FIRST_ACTION_BINS_MS lower bound, empty bins included; the last is open. */
    bins: z.array(obj({ fromMs: n, toMs: nn, sessions: n, sessionIds: DrillIds }))
  })
})
export type ReportAlerts = z.infer<typeof ReportAlertsSchema>
