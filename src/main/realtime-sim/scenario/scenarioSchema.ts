import { z } from 'zod'
import { ResponseUsage } from '../../../shared/realtime/responseObject'
import { ApiError } from '../../../shared/realtime/serverEvents'
import { ResponsesScript } from '../responses/responsesScript'

// A scripted agent, turn by turn. Documented in ../README.md; validated on load so a typo in a
// scenario is reported with its path instead of surfacing as an odd call.

const ms = z.number().int().nonnegative().max(60_000)

/** A fixed delay, or one drawn per response from a distribution (seeded, see sampleDelay.ts). */
export const DelaySpec = z.union([
  ms,
  z
    .strictObject({ distribution: z.literal('uniform'), min_ms: ms, max_ms: ms })
    .refine((d) => d.min_ms <= d.max_ms, { message: 'min_ms must not exceed max_ms' }),
  z.strictObject({
    distribution: z.literal('normal'),
    mean_ms: ms,
    sd_ms: ms,
    min_ms: ms.optional(),
    max_ms: ms.optional()
  })
])
export type DelaySpec = z.output<typeof DelaySpec>

/** Usage numbers to report instead of the estimate; missing fields keep the estimate. */
export const UsageOverride = ResponseUsage.partial().strict()

const text = z.string().trim().min(1).max(2000)

/** One spoken answer. `say` may hold {{path}} placeholders filled from the tool output. */
export const AgentSpeech = z.strictObject({
  delay_ms: DelaySpec.default(400),
  say: text.optional(),
  usage: UsageOverride.optional()
})

export const ToolCallSpec = z.strictObject({
  name: z.string().min(1).max(64),
  arguments: z.record(z.string(), z.unknown()),
  /** The answer after `function_call_output` + `response.create`. */
  then: AgentSpeech.extend({
    say: text,
    /** Said instead when a placeholder is missing from the output (a miss or a tool error). */
    fallback: text
  })
})

export const ScenarioTurn = z.strictObject({
  /** What `…input_audio_transcription.completed` reports the caller said. */
  caller: text,
  caller_language: z.string().min(2).max(8).optional(),
  agent: AgentSpeech.extend({ tool_call: ToolCallSpec.optional() }).refine(
    (a) => a.say !== undefined || a.tool_call !== undefined,
    { message: 'an agent turn needs `say`, `tool_call` or both' }
  )
})
export type ScenarioTurn = z.output<typeof ScenarioTurn>

export const FaultSpec = z.discriminatedUnion('type', [
  /** Closes the data channel when the given caller turn is committed. */
  z.strictObject({ type: z.literal('drop_data_channel'), at_turn: z.number().int().positive() }),
  /** Answers the SDP POST of the given call attempts (1-based; all when omitted) with 500. */
  z.strictObject({
    type: z.literal('sdp_http_500'),
    attempts: z.array(z.number().int().positive()).optional()
  }),
  /** Delays the SDP answer. */
  z.strictObject({
    type: z.literal('slow_sdp'),
    delay_ms: ms,
    attempts: z.array(z.number().int().positive()).optional()
  }),
  /** Sends an `error` event when the given turn's response starts; optionally fails it. */
  z.strictObject({
    type: z.literal('error_event'),
    at_turn: z.number().int().positive(),
    error: ApiError.omit({ event_id: true }).strict(),
    fail_response: z.boolean().default(false)
  })
])
export type FaultSpec = z.output<typeof FaultSpec>

export const Scenario = z.strictObject({
  name: text,
  description: z.string().optional(),
  /** espeak-ng voice language of the agent (en, es, fr, …). */
  language: z.string().min(2).max(8).default('en'),
  /** How many times faster than playback a response is generated (response.done comes first). */
  generation_speed: z.number().min(1).max(20).default(1.25),
  transcription_delay_ms: ms.default(250),
  /** Seed of the delay distributions, so a scenario replays the same delays. */
  seed: z.number().int().default(1),
  /** Answer to a `response.create` with nothing to answer yet (a greeting). */
  greeting: AgentSpeech.extend({ say: text }).optional(),
  /** Answer once the scripted turns are used up. */
  default_reply: AgentSpeech.extend({ say: text }).default({
    delay_ms: 400,
    say: 'Is there anything else I can help you with?'
  }),
  /** Answer to an out-of-band `response.create` (`conversation: "none"`), e.g. a filler. */
  filler: AgentSpeech.extend({ say: text }).default({ delay_ms: 200, say: 'One moment, please.' }),
  turns: z.array(ScenarioTurn).min(1),
  faults: z.array(FaultSpec).default([]),
  /** What POST /v1/responses answers (Structured Outputs), matched per request. */
  responses: z.array(ResponsesScript).default([])
})
export type Scenario = z.output<typeof Scenario>
export type AgentSpeech = z.output<typeof AgentSpeech>
