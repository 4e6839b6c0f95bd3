import { normalizeWords } from '../live-call/acknowledgements'

/** Weighted phrases, written as people say them; matched on normalized words (no accents). */
export type Lexicon = Readonly<Record<string, number>>

export interface PhraseHit {
  phrase: string
  weight: number
  /** Index of the hit's first word in the normalized text. */
  at: number
}

export interface CompiledLexicon {
  weights: ReadonlyMap<string, number>
  longest: number
}

/** Normalizes every phrase once ("¿Dónde está?" → "donde esta"). */
export function compileLexicon(...lexicons: Lexicon[]): CompiledLexicon {
  const weights = new Map<string, number>()
  let longest = 1
  for (const lexicon of lexicons)
    for (const [phrase, weight] of Object.entries(lexicon)) {
      const words = normalizeWords(phrase)
      if (words.length === 0) continue
      weights.set(words.join(' '), weight)
      longest = Math.max(longest, words.length)
    }
  return { weights, longest }
}

/**
 * Longest-match scan: at each word the longest known phrase wins and its words are consumed,
 * so "not good" and "good" never both count, and "money back" is one hit, not two.
 */
export function findPhrases(words: readonly string[], lexicon: CompiledLexicon): PhraseHit[] {
  const hits: PhraseHit[] = []
  let i = 0
  while (i < words.length) {
    let matched = 0
    for (let size = Math.min(lexicon.longest, words.length - i); size >= 1; size--) {
      const phrase = words.slice(i, i + size).join(' ')
      const weight = lexicon.weights.get(phrase)
      if (weight !== undefined) {
        hits.push({ phrase, weight, at: i })
        matched = size
        break
      }
    }
    i += matched > 0 ? matched : 1
  }
  return hits
}

export { normalizeWords }
