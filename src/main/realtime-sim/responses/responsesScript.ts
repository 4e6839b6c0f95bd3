import { z } from 'zod'

// The scenario's `responses` section: what POST /v1/responses answers, matched per request.
// Documented in tools/realtime-sim/README.md ("/v1/responses").

const pattern = z
  .string()
  .min(1)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'i')
        return true
      } catch {
        return false
      }
    },
    { message: 'not a valid regular expression' }
  )

/** One kind of answer per script: the reply fields are exclusive. */
const REPLY_FIELDS = ['json', 'text', 'refusal', 'http_error'] as const

export const ResponsesScript = z
  .strictObject({
    /** `text.format.name` of the request (exact), e.g. `call_labels`. */
    format: z.string().min(1).max(64).optional(),
    /** A regular expression (case-insensitive) the request's input text must match. */
    input: pattern.optional(),
    /** The request's model (exact). */
    model: z.string().min(1).optional(),
    /** How many requests this script answers before the next match takes over (all by default). */
    times: z.number().int().positive().optional(),
    /** Held this long before answering: longer than the client's timeout is a timeout. */
    delay_ms: z.number().int().nonnegative().max(600_000).default(0),
    /** The answer as JSON; checked against the request's json_schema when it has one. */
    json: z.unknown().optional(),
    /** The answer's raw text (not checked: an off-schema or non-JSON answer). */
    text: z.string().optional(),
    /** The model declines: a `refusal` content part instead of `output_text`. */
    refusal: z.string().min(1).optional(),
    /** The API's error instead of an answer (429: rate limit, 500/503: server). */
    http_error: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    /** With `http_error: 429`: the `retry-after-ms` header the SDKs honour. */
    retry_after_ms: z.number().int().nonnegative().max(60_000).optional()
  })
  .refine((s) => REPLY_FIELDS.filter((field) => s[field] !== undefined).length === 1, {
    message: `a script needs exactly one of ${REPLY_FIELDS.join(', ')}`
  })
export type ResponsesScript = z.output<typeof ResponsesScript>
