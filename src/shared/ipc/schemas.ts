import { z } from 'zod'
import { SESSION_SOURCES } from '../sessions/labSchema'

const n = z.number()
const nn = z.number().nullable()

export const StoredSessionSchema = z
  .object({
    session_id: z.string(),
    scenario: z.string(),
    duration_sec: n,
    latency_p50_ms: n,
    latency_p95_ms: n,
    interruptions: n,
    turns: n,
    sentiment: z.string(),
    model: z.string(),
    rag_used: z.boolean(),
    language: z.string(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    source: z.enum(SESSION_SOURCES),
    at_ear_p50_ms: nn,
    at_ear_p95_ms: nn,
    backchannels: nn,
    echo_suspects: nn,
    tool_calls: nn,
    tool_ms_p50: nn,
    input_tokens: nn,
    output_tokens: nn,
    cost_usd: nn,
    escalated: z.boolean().nullable()
  })
  .strict()

const IssueSchema = z.object({ row: n, column: z.string(), reason: z.string() }).strict()
const WarningSchema = z
  .object({ column: z.string(), message: z.string(), count: n, firstRows: z.array(n) })
  .strict()

export const ImportOutcomeSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('imported'),
      fileName: z.string(),
      inserted: n,
      replaced: n,
      skipped: n,
      warnings: z.array(WarningSchema)
    })
    .strict(),
  z
    .object({
      status: z.literal('rejected'),
      fileName: z.string(),
      issues: z.array(IssueSchema),
      issueCount: n,
      /** Issues that are only ids already in the database: the user may skip or replace them. */
      conflictCount: n,
      warnings: z.array(WarningSchema)
    })
    .strict()
])
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>

const listed = <T extends z.ZodRawShape>(shape: T): z.ZodArray<z.ZodObject<T>> =>
  z.array(z.object(shape).strict())
const countMap = z.record(z.string(), n)

export const LabReportSchema = z
  .object({
    total_sessions: n,
    latency: z
      .object({
        avg_p50_ms: nn,
        avg_p95_ms: nn,
        min_p50_ms: nn,
        max_p50_ms: nn,
        threshold_ms: n,
        slow_sessions: listed({ session_id: z.string(), scenario: z.string(), latency_p95_ms: n })
      })
      .strict(),
    sentiment: z
      .object({
        counts: countMap,
        negative_sessions: listed({
          session_id: z.string(),
          scenario: z.string(),
          duration_sec: n,
          interruptions: n
        })
      })
      .strict(),
    rag: z
      .object({
        used: n,
        not_used: n,
        usage_rate_pct: nn,
        avg_p50_with_rag_ms: nn,
        avg_p50_without_rag_ms: nn,
        sessions_without_rag: listed({
          session_id: z.string(),
          scenario: z.string(),
          sentiment: z.string()
        })
      })
      .strict(),
    interruptions: z
      .object({
        avg_by_sentiment: countMap,
        high_interruption_sessions: listed({
          session_id: z.string(),
          scenario: z.string(),
          interruptions: n,
          sentiment: z.string()
        })
      })
      .strict(),
    language: z
      .object({
        counts: countMap,
        by_language: z.record(
          z.string(),
          z.object({ sessions: n, avg_p50_ms: n, mode_sentiment: z.string() }).strict()
        )
      })
      .strict()
  })
  .strict()

/** The lab report for a screen: lists cut to their first sessions, with their full sizes. */
export const LabReportPageSchema = LabReportSchema.extend({
  listed_totals: z
    .object({
      slow_sessions: n,
      negative_sessions: n,
      sessions_without_rag: n,
      high_interruption_sessions: n
    })
    .strict()
}).strict()
