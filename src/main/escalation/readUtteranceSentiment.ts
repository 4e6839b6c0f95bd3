import {
  UTTERANCE_SENTIMENT_FORMAT,
  UTTERANCE_SENTIMENT_INSTRUCTIONS,
  UtteranceSentimentSchema,
  utteranceText
} from '../../shared/classify/modelLabels'
import { readSentiment } from '../../shared/language/sentiment'
import { byModel, type LabelledBy } from '../classify/labelledBy'
import type { StructuredModel } from '../classify/StructuredModel'

export interface SentimentReading {
  negative: boolean
  cue: string
  /** The model, or the lexicon when there was no model or it could not answer. */
  reader: LabelledBy
}

/** A live reading must land while the caller is still there: a slow model yields to the lexicon. */
export const LIVE_READING_TIMEOUT_MS = 4000

/** One caller utterance read by the labelling model, the lexicon answering when it cannot. */
export async function readUtteranceSentiment(
  model: StructuredModel | null,
  earlier: readonly string[],
  quote: string
): Promise<SentimentReading> {
  if (model !== null)
    try {
      const answer = await model.ask({
        format: UTTERANCE_SENTIMENT_FORMAT,
        instructions: UTTERANCE_SENTIMENT_INSTRUCTIONS,
        input: utteranceText(earlier, quote),
        answer: UtteranceSentimentSchema,
        maxOutputTokens: 80,
        timeoutMs: LIVE_READING_TIMEOUT_MS
      })
      return { negative: answer.negative, cue: answer.cue, reader: byModel(model.model) }
    } catch {
      // Falls through: the rule must not wait on a model that is down.
    }
  const lexicon = readSentiment(quote)
  return { negative: lexicon.negative, cue: lexicon.cues.join(', '), reader: 'lexicon' }
}
