import { z } from 'zod'
import { SESSION_SOURCES } from './sessionSources'

// Apart from labSchema.ts so that what only needs the lab's columns (the CLI, CSV readers) does
// not load zod: importing it took ~0.15 s of the CLI's start-up on the build VM.

const n = z.number()
const nn = z.number().nullable()

/** A session as the database holds it: the lab's columns and the console's. */
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
export type StoredSession = z.infer<typeof StoredSessionSchema>
