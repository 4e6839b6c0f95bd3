import { z } from 'zod'

// Thresholds of the escalation rules (issue 7), editable in Settings and on Monitor → Rules.
// Every field has its default here, so settings written before escalation existed still load.

const count = (max: number): z.ZodNumber => z.number().int().min(1).max(max)

export const EscalationThresholdsSchema = z
  .object({
    interruptions: z
      .object({
        enabled: z.boolean(),
        /** Alert when the call reaches this many counted interruptions. */
        total: count(100),
        /** …or this many within `burstWindowSec`. */
        burstCount: count(100),
        burstWindowSec: z.number().min(1).max(3600)
      })
      .strict(),
    humanRequest: z.object({ enabled: z.boolean() }).strict(),
    sentiment: z
      .object({
        enabled: z.boolean(),
        /** How many of the caller's latest utterances are read. */
        recentUtterances: count(50),
        /** How many of those must read negative. */
        minNegative: count(50),
        /** Interruptions the call must have had as well. */
        minInterruptions: z.number().int().min(0).max(100)
      })
      .strict()
      .refine((s) => s.minNegative <= s.recentUtterances, {
        message: 'cannot need more negative utterances than are read',
        path: ['minNegative']
      }),
    latency: z
      .object({
        enabled: z.boolean(),
        /** The last K completed turns with an at-ear latency. */
        lastTurns: count(100),
        /** Fewer measured turns than this: no verdict yet. */
        minTurns: count(100),
        p95Ms: z.number().min(1).max(60_000)
      })
      .strict()
      .refine((l) => l.minTurns <= l.lastTurns, {
        message: 'cannot need more turns than are read',
        path: ['minTurns']
      }),
    tools: z
      .object({
        enabled: z.boolean(),
        /** Failed tool calls in the call. */
        failures: count(100),
        /** Zero-result searches in a row. */
        zeroResultsInRow: count(100)
      })
      .strict()
  })
  .strict()
export type EscalationThresholds = z.output<typeof EscalationThresholdsSchema>

/**
 * The defaults: ≥ 3 interruptions, or 2 within 30 s; at-ear P95 above 1 s. (Issue 7 set 200 ms,
 * the lab's bar for its own figure; at the ear, from the caller's last word to the agent's first
 * sound, a healthy live call reads 400–600 ms, so 200 ms flagged every live call as slow. A
 * second of silence after the caller stops is where a conversation feels broken.)
 */
export const DEFAULT_ESCALATION_THRESHOLDS: EscalationThresholds = {
  interruptions: { enabled: true, total: 3, burstCount: 2, burstWindowSec: 30 },
  humanRequest: { enabled: true },
  sentiment: { enabled: true, recentUtterances: 3, minNegative: 1, minInterruptions: 1 },
  latency: { enabled: true, lastTurns: 5, minTurns: 3, p95Ms: 1000 },
  tools: { enabled: true, failures: 1, zeroResultsInRow: 2 }
}
