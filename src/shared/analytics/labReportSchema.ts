import { z } from 'zod'

// The lab report's shape (what the CLI's --json prints and IPC carries); the type comes from it.
const n = z.number()
const nn = z.number().nullable()
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

export type LabReport = z.infer<typeof LabReportSchema>

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
