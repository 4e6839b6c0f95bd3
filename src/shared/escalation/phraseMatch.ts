import { normalizeWords } from '../live-call/acknowledgements'

// Word-sequence matching shared by the human-request and sentiment lexicons: both the text and
// the phrases go through the reducer's normalizeWords (lower case, accents stripped, "d'accord"
// → "d accord"), so "Représentant" matches "representant" and "I'd" splits like the lexicon.

/** Words that turn the phrase right after them around ("not", "don't", "sin", "pas"). */
const NEGATORS = new Set([
  'not',
  'don',
  'dont',
  'never',
  'without',
  'sin',
  'nunca',
  'pas',
  'jamais'
])
/** How many words before a phrase a negator may sit ("I don't need a human": don, t, need, a). */
const NEGATION_REACH = 4

export interface PhraseHit {
  phrase: string
  /** Index of the phrase's first word in the normalized text. */
  at: number
  negated: boolean
}

export type Lexicon = readonly (readonly string[])[]

/** Phrases as word lists, normalized once. */
export function lexicon(phrases: readonly string[]): Lexicon {
  return phrases.map((p) => normalizeWords(p)).filter((words) => words.length > 0)
}

/** Every occurrence of a lexicon phrase in `text`, with whether a negator precedes it. */
export function findPhrases(text: string, phrases: Lexicon): PhraseHit[] {
  const words = normalizeWords(text)
  const hits: PhraseHit[] = []
  for (let at = 0; at < words.length; at++)
    for (const phrase of phrases) {
      if (!phrase.every((word, i) => words[at + i] === word)) continue
      const before = words.slice(Math.max(0, at - NEGATION_REACH), at)
      hits.push({ phrase: phrase.join(' '), at, negated: before.some((w) => NEGATORS.has(w)) })
    }
  return hits
}
