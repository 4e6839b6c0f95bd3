import { compileLexicon, findPhrases, normalizeWords } from './phraseMatch'
import { NEGATIVE, NEGATORS, POSITIVE } from './sentimentLexicon'

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const
export type Sentiment = (typeof SENTIMENTS)[number]

/** A call leans one way when its felt words add up to one strong word (or two mild ones). */
export const SENTIMENT_THRESHOLD = 1.5

const positive = compileLexicon(POSITIVE)
const negative = compileLexicon(NEGATIVE)
const NEGATION_WINDOW = 3
/**
 * "Not happy", "no estoy contenta", "pas content": saying a good word is missing is a clear
 * complaint, whatever the word's own weight. Negated politeness ("no, thanks") counts for nothing.
 */
const NEGATED_POSITIVE = 2

export interface SentimentResult {
  sentiment: Sentiment
  score: number
}

/**
 * Lexicon sentiment of what the caller said (en, es, fr): positive words add, negative words
 * subtract; a positive word after a negator ("not great", "no es genial", "pas super") counts
 * as a strong negative (NEGATED_POSITIVE), a negated negative word ("not bad") for nothing.
 */
export function classifySentiment(callerTexts: readonly string[]): SentimentResult {
  let score = 0
  for (const text of callerTexts) score += textScore(normalizeWords(text))
  const sentiment =
    score >= SENTIMENT_THRESHOLD
      ? 'positive'
      : score <= -SENTIMENT_THRESHOLD
        ? 'negative'
        : 'neutral'
  return { sentiment, score }
}

function textScore(words: readonly string[]): number {
  const negated = (at: number): boolean =>
    words.slice(Math.max(0, at - NEGATION_WINDOW), at).some((w) => NEGATORS.has(w))
  let score = 0
  // Negative phrases first: "no funciona" must not leave a negator for the words after it.
  for (const hit of findPhrases(words, negative)) score -= negated(hit.at) ? 0 : hit.weight
  for (const hit of findPhrases(words, positive))
    score += !negated(hit.at) ? hit.weight : hit.weight >= 1 ? -NEGATED_POSITIVE : 0
  return score
}
