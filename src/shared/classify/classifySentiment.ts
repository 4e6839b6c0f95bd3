import { humanRequestPhrase } from '../escalation/humanRequest'
import { scoreSentiment, SENTIMENT_THRESHOLD } from '../language/sentiment'

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const
export type Sentiment = (typeof SENTIMENTS)[number]

export interface SentimentResult {
  sentiment: Sentiment
  score: number
}

/**
 * The label says how the caller feels at the end of the call, so a later utterance's felt words
 * weigh more: the first counts 1, the last 1 + END_WEIGHT ("annoyed … brilliant, thank you"
 * ends well). Politeness is not weighted: nearly every call ends with a thank you.
 */
const END_WEIGHT = 0.5

/** Asking for a person this many times in a call makes it negative. */
const INSISTED_ASKS = 2

/**
 * Lexicon sentiment of what the caller said (en, es, fr): each utterance's score, weighted
 * towards the end of the call.
 */
export function classifySentiment(callerTexts: readonly string[]): SentimentResult {
  let score = 0
  const last = Math.max(1, callerTexts.length - 1)
  callerTexts.forEach((text, i) => {
    const utterance = scoreSentiment(text)
    const felt = utterance.score - utterance.polite
    score += utterance.polite + felt * (1 + (END_WEIGHT * i) / last)
  })
  // A caller who has to ask for a person again is not content, whatever else was said: the
  // live rule's own detector (every phrasing it knows in en/es/fr), counted once per utterance.
  const asks = callerTexts.filter((text) => humanRequestPhrase(text) !== null).length
  if (asks >= INSISTED_ASKS) score = Math.min(score, -SENTIMENT_THRESHOLD)
  const sentiment =
    score >= SENTIMENT_THRESHOLD
      ? 'positive'
      : score <= -SENTIMENT_THRESHOLD
        ? 'negative'
        : 'neutral'
  return { sentiment, score }
}
