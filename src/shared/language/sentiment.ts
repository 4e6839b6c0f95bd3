import { compileLexicon, findPhrases } from './phraseMatch'
import { INTENSIFIERS, NEGATIVE, POSITIVE } from './sentimentLexicon'

/**
 * A text leans one way when its felt words add up to one strong word (or two mild ones). The
 * same bar for a whole call's label and for one utterance the live rule reads, so the live rule
 * calls an utterance negative when it alone would label a call negative.
 */
export const SENTIMENT_THRESHOLD = 1.5

/**
 * "Not happy", "no estoy contenta", "pas content": saying a good word is missing is a clear
 * complaint, whatever the word's own weight. Negated politeness ("no thanks") counts for nothing.
 */
const NEGATED_POSITIVE = 2

/**
 * "Really frustrating", "muy molesto", "vraiment déçu": a felt word right after an intensifier
 * counts half as much again. Politeness is not felt, so "very good" stays as mild as it is.
 */
const INTENSIFIED = 1.5

/** One scan over both lists (negative weights signed), so a phrase is never read twice. */
const SIGNED = compileLexicon(
  POSITIVE,
  Object.fromEntries(Object.entries(NEGATIVE).map(([phrase, weight]) => [phrase, -weight]))
)

export interface SentimentScore {
  /** Positive words add, negative words subtract. */
  score: number
  /** The part of score that is politeness ("thanks", "merci"), not a feeling. */
  polite: number
  /** What reads negative, in order: negative phrases and negated positive ones ("not great"). */
  cues: string[]
}

/**
 * Lexicon sentiment of one text (en, es, fr): a positive phrase after a negator ("not great",
 * "no es genial", "pas super") counts as a strong negative (NEGATED_POSITIVE), a negated
 * negative phrase ("not bad") for nothing, a felt phrase after an intensifier half as much again.
 */
export function scoreSentiment(text: string): SentimentScore {
  let score = 0
  let polite = 0
  const cues: string[] = []
  for (const hit of findPhrases(text, SIGNED)) {
    const felt = Math.abs(hit.weight) >= 1
    if (!felt && hit.weight > 0 && hit.negation === null) polite += hit.weight
    const boost = felt && hit.before !== null && INTENSIFIERS.has(hit.before) ? INTENSIFIED : 1
    if (hit.weight < 0) {
      if (hit.negation !== null) continue
      score += hit.weight * boost
      cues.push(hit.phrase)
    } else if (hit.negation === null) score += hit.weight * boost
    else if (hit.weight >= 1) {
      score -= NEGATED_POSITIVE
      cues.push(`${hit.negation} ${hit.phrase}`)
    }
  }
  return { score, polite, cues }
}

export interface SentimentReading {
  /** The utterance alone reaches the negative bar (SENTIMENT_THRESHOLD). */
  negative: boolean
  cues: string[]
}

/** An offline reading of one caller utterance for the live rule: no model and no key. */
export function readSentiment(transcript: string): SentimentReading {
  const { score, cues } = scoreSentiment(transcript)
  return { negative: score <= -SENTIMENT_THRESHOLD, cues }
}
