import { scoreSentiment, SENTIMENT_THRESHOLD } from '../language/sentiment'

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const
export type Sentiment = (typeof SENTIMENTS)[number]

export interface SentimentResult {
  sentiment: Sentiment
  score: number
}

/** Lexicon sentiment of what the caller said (en, es, fr): the sum of each utterance's score. */
export function classifySentiment(callerTexts: readonly string[]): SentimentResult {
  let score = 0
  for (const text of callerTexts) score += scoreSentiment(text).score
  const sentiment =
    score >= SENTIMENT_THRESHOLD
      ? 'positive'
      : score <= -SENTIMENT_THRESHOLD
        ? 'negative'
        : 'neutral'
  return { sentiment, score }
}
