import { z } from 'zod'
import { SENTIMENTS } from './classifySentiment'
import { SCENARIOS } from './scenarioLexicon'

// What a small OpenAI model is asked after a call (sentiment and scenario of the lab's schema)
// and during it (is this caller utterance negative?), with Structured Outputs: the JSON schemas
// are sent as `text.format` with `strict: true`, and the answers are parsed again with zod,
// because a proxy or an older deployment may not enforce the schema.

/**
 * Why the offline lexicons labelled a call: chosen in Settings, the demo agent, no key, a
 * call recovered at start-up (no waiting on the network), nothing said, or the model failed.
 */
export const LEXICON_REASONS = [
  'chosen',
  'demo_provider',
  'no_key',
  'recovered',
  'no_caller_text',
  'model_failed'
] as const
export type LexiconReason = (typeof LEXICON_REASONS)[number]

export const CallLabelsSchema = z
  .object({ sentiment: z.enum(SENTIMENTS), scenario: z.enum(SCENARIOS) })
  .strict()
export type CallLabels = z.output<typeof CallLabelsSchema>

export const CALL_LABELS_FORMAT = {
  name: 'call_labels',
  schema: {
    type: 'object',
    properties: {
      sentiment: { type: 'string', enum: [...SENTIMENTS] },
      scenario: { type: 'string', enum: [...SCENARIOS] }
    },
    required: ['sentiment', 'scenario'],
    additionalProperties: false
  }
} as const

export const CALL_LABELS_INSTRUCTIONS = [
  "You label recorded phone calls to OutdoorGear's voice support agent for a supervisor report.",
  "Read the transcript (the caller may speak English, Spanish or French) and give the caller's overall sentiment and the call's scenario.",
  'sentiment: negative if the caller is frustrated, angry or dissatisfied at any point that was not resolved by the end; positive if the caller expresses thanks or satisfaction; otherwise neutral.',
  'scenario: product_inquiry (questions about gear, sizes, stock, prices), order_status (where is my order, tracking), complaint (something went wrong and the caller complains), return_request (return, refund or exchange), faq (shipping, warranty or store policy questions).',
  'Judge only what the caller says; the agent lines are context.'
].join('\n')

export const UtteranceSentimentSchema = z
  .object({ negative: z.boolean(), cue: z.string().max(200) })
  .strict()
export type UtteranceSentiment = z.output<typeof UtteranceSentimentSchema>

export const UTTERANCE_SENTIMENT_FORMAT = {
  name: 'caller_sentiment',
  schema: {
    type: 'object',
    properties: {
      negative: { type: 'boolean' },
      cue: {
        type: 'string',
        description: 'The caller words that show it, verbatim; empty when not negative.'
      }
    },
    required: ['negative', 'cue'],
    additionalProperties: false
  }
} as const

export const UTTERANCE_SENTIMENT_INSTRUCTIONS = [
  'You watch a live phone call to an outdoor-gear shop for a supervisor.',
  'Decide whether the LAST caller utterance is negative: frustrated, angry, impatient, sarcastic or dissatisfied (in English, Spanish or French).',
  'Earlier utterances are context only. Neutral questions and short acknowledgements are not negative.'
].join('\n')

export interface TranscriptLine {
  speaker: 'caller' | 'agent'
  text: string
}

/** The longest transcript sent (characters): a call's opening and its end say the most. */
export const MAX_TRANSCRIPT_CHARS = 6000

/** The transcript as the model reads it, cut in the middle when too long. */
export function transcriptText(lines: readonly TranscriptLine[]): string {
  const text = lines
    .filter((line) => line.text.trim() !== '')
    .map((line) => `${line.speaker === 'caller' ? 'Caller' : 'Agent'}: ${line.text.trim()}`)
    .join('\n')
  if (text.length <= MAX_TRANSCRIPT_CHARS) return text
  const half = Math.floor((MAX_TRANSCRIPT_CHARS - 5) / 2)
  return `${text.slice(0, half)}\n[…]\n${text.slice(-half)}`
}

/** The live question: the last caller utterance, after up to two earlier ones for context. */
export function utteranceText(earlier: readonly string[], last: string): string {
  const context = earlier.slice(-2).map((text) => `Earlier caller utterance: ${text}`)
  return [...context, `LAST caller utterance: ${last}`].join('\n')
}
