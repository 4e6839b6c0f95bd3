import { normalizeWords } from './normalizeWords'

// The one phrase matcher of the console's word lists: the call labels (src/shared/classify:
// sentiment, scenario) and the live escalation rules (src/shared/escalation: human requests,
// caller sentiment) read a caller's words the same way. Two matchers used to differ; the
// choices made when they were merged:
// - Accents and word breaks: normalizeWords on the text and on every phrase (both did this).
// - Scan: longest match, and a hit's words are consumed (classify's), so "not working" is one
//   hit, not "not working" plus "working", and "money back" is not also "back". The escalation
//   matcher reported every overlapping occurrence; no rule needed more than the first.
// - Clauses: a phrase and its negation stay inside one clause (, . ; : ! ? …). New for both:
//   "No, I want a human" is a request and "No problem, great" is praise, while "I don't need a
//   human" and "no estoy contenta" are still negated.
// - Negators: one set for both (the union of the two), looked for in the NEGATION_REACH words
//   before a phrase (classify's 3: escalation's 4 only served "don t need a", which "t" covers).
//   A negator inside an earlier phrase ("no funciona", "n importe quoi") negates nothing after it.
// - Stems: a one-word entry ending in "*" ("reembols*") matches any word it begins, so a list
//   need not spell every inflection and clitic ("reembolsen", "cambiarlas", "remboursé").

/** Weighted phrases, written as people say them ("¿Dónde está?" and "donde esta" are the same). */
export type Lexicon = Readonly<Record<string, number>>
/** Phrases that all count the same (weight 1). */
export type PhraseList = readonly string[]

export interface CompiledLexicon {
  weights: ReadonlyMap<string, number>
  /**
   * One-word stems ("devol" for "devol*") by their first STEM_KEY letters, longest first so the
   * most specific one wins: a word is checked against a handful of stems, not all of them.
   */
  stems: ReadonlyMap<string, readonly (readonly [string, number])[]>
  longest: number
}

export interface PhraseHit {
  /** The phrase as normalized words ("etre humain"). */
  phrase: string
  weight: number
  /** Index of the hit's first word among the text's normalized words. */
  at: number
  /** The negator and any words up to the phrase ("not", "no estoy", "isn t"); null if none. */
  negation: string | null
  /** The word just before the phrase in its clause, unless an earlier hit took it ("very"). */
  before: string | null
}

/** Words that turn the phrase right after them around: "not", "don't", "no", "sin", "pas"… */
const NEGATORS: ReadonlySet<string> = new Set([
  // en ("t" is the tail of don't, isn't, can't once normalized; "dont" is typed without it)
  'not',
  'never',
  'no',
  'without',
  't',
  'don',
  'dont',
  // es
  'nunca',
  'ni',
  'sin',
  'jamas',
  'tampoco',
  'nada',
  'ningun',
  'ninguna',
  // fr ("n" as in "n'est")
  'ne',
  'n',
  'pas',
  'jamais',
  'sans',
  'aucun',
  'aucune'
])

/** How many words before a phrase a negator may sit ("not really happy", "no estoy contenta"). */
const NEGATION_REACH = 3

/** Stems are looked up by their first letters; a shorter stem would match too much anyway. */
const STEM_KEY = 3

/** Clause breaks: a phrase or a negation never spans them. */
const CLAUSE_BREAK = /[.,;:!?¡¿…]+/u

/** Normalizes every phrase once; a phrase in several lexicons takes the last one's weight. */
export function compileLexicon(...lexicons: (Lexicon | PhraseList)[]): CompiledLexicon {
  const weights = new Map<string, number>()
  const stems = new Map<string, number>()
  let longest = 1
  for (const lexicon of lexicons) {
    const entries: [string, number][] = isPhraseList(lexicon)
      ? lexicon.map((phrase) => [phrase, 1])
      : Object.entries(lexicon)
    for (const [phrase, weight] of entries) {
      const words = normalizeWords(phrase)
      if (words.length === 0) continue
      if (words.length === 1 && phrase.endsWith('*') && words[0]!.length >= STEM_KEY)
        stems.set(words[0]!, weight)
      else weights.set(words.join(' '), weight)
      longest = Math.max(longest, words.length)
    }
  }
  const byKey = new Map<string, [string, number][]>()
  for (const [stem, weight] of [...stems].sort(([a], [b]) => b.length - a.length)) {
    const key = stem.slice(0, STEM_KEY)
    byKey.set(key, [...(byKey.get(key) ?? []), [stem, weight]])
  }
  return { weights, stems: byKey, longest }
}

const isPhraseList = (lexicon: Lexicon | PhraseList): lexicon is PhraseList =>
  Array.isArray(lexicon)

/** The lexicon's phrases in `text`, in order, each with the negation before it if any. */
export function findPhrases(text: string, lexicon: CompiledLexicon): PhraseHit[] {
  const hits: PhraseHit[] = []
  let offset = 0
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = normalizeWords(clause)
    scanClause(words, lexicon, offset, hits)
    offset += words.length
  }
  return hits
}

function scanClause(
  words: readonly string[],
  lexicon: CompiledLexicon,
  offset: number,
  hits: PhraseHit[]
): void {
  /** The first word not consumed by an earlier hit of this clause. */
  let free = 0
  let i = 0
  while (i < words.length) {
    let size = Math.min(lexicon.longest, words.length - i)
    for (; size >= 1; size--) {
      const phrase = words.slice(i, i + size).join(' ')
      const weight =
        lexicon.weights.get(phrase) ?? (size === 1 ? stemWeight(phrase, lexicon) : undefined)
      if (weight === undefined) continue
      hits.push({
        phrase,
        weight,
        at: offset + i,
        // A phrase that spells its own negation ("pas juste" in "n est pas juste") is not
        // turned around again by the "ne" of the same "ne … pas".
        negation: NEGATORS.has(words[i]!) ? null : negationBefore(words, i, free),
        before: i > free ? words[i - 1]! : null
      })
      break
    }
    if (size >= 1) {
      i += size
      free = i
    } else i++
  }
}

function stemWeight(word: string, lexicon: CompiledLexicon): number | undefined {
  for (const [stem, weight] of lexicon.stems.get(word.slice(0, STEM_KEY)) ?? [])
    if (word.startsWith(stem)) return weight
  return undefined
}

/** The nearest negator within reach before words[at], not inside an earlier hit. */
function negationBefore(words: readonly string[], at: number, free: number): string | null {
  const from = Math.max(free, at - NEGATION_REACH)
  for (let n = at - 1; n >= from; n--) {
    if (!NEGATORS.has(words[n]!)) continue
    // "isn t happy" reads better than "t happy" in an alert's cue.
    const start = words[n] === 't' && n - 1 >= free ? n - 1 : n
    return words.slice(start, at).join(' ')
  }
  return null
}
