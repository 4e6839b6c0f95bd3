import { normalizeWords } from '../language/normalizeWords'

// Short acknowledgements (backchannels) in the console's languages, and the word matching used
// to spot them and to spot the agent's own voice coming back as caller speech (echo).

export const ACKNOWLEDGEMENTS_BY_LANGUAGE = {
  en: 'mm|mhm|mhmm|hm|mm hmm|mmhmm|hmm|uh huh|um hum|ok|okay|k|yeah|yes|yep|yup|ya|right|sure|alright|all right|got it|i see|cool|great|gotcha|exactly|fine|good|perfect|ah|oh|uh|um|aha',
  es: 'si|vale|claro|aja|ajam|bueno|okey|ok|de acuerdo|entiendo|ya|correcto|perfecto|exacto|muy bien|bien|eso',
  fr: 'oui|ouais|d accord|dac|ok|hum|bien sur|tres bien|entendu|je vois|exactement|parfait|voila|bon|euh|ah bon'
} as const

/** Acknowledgements a caller says while listening (en, es, fr); matched after normalizeWords(). */
export const ACKNOWLEDGEMENTS: readonly string[] = [
  ...new Set(Object.values(ACKNOWLEDGEMENTS_BY_LANGUAGE).flatMap((list) => list.split('|')))
]

/**
 * True when the whole text is a sequence of acknowledgement phrases ("ok", "yeah sure",
 * "oui oui d'accord"). Empty text is not an acknowledgement.
 */
export function isAcknowledgement(text: string, phrases: readonly string[]): boolean {
  const words = normalizeWords(text)
  if (words.length === 0) return false
  const known = new Set(phrases.map((phrase) => normalizeWords(phrase).join(' ')))
  const longest = Math.max(...phrases.map((phrase) => normalizeWords(phrase).length))
  // reachable[i]: words[0..i) splits into known phrases.
  const reachable = new Array<boolean>(words.length + 1).fill(false)
  reachable[0] = true
  for (let end = 1; end <= words.length; end++)
    for (let size = 1; size <= Math.min(longest, end) && !reachable[end]; size++)
      reachable[end] =
        reachable[end - size] === true && known.has(words.slice(end - size, end).join(' '))
  return reachable[words.length] === true
}

/**
 * Share of `heard`'s words that appear in `spoken` in the same order (longest common
 * subsequence / words of `heard`): 1 when the caller's transcript repeats the agent's words.
 */
export function orderedWordOverlap(heard: string, spoken: string): number {
  const a = normalizeWords(heard)
  const b = normalizeWords(spoken)
  if (a.length === 0 || b.length === 0) return 0
  let previous = new Array<number>(b.length + 1).fill(0)
  for (const word of a) {
    const row = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++)
      row[j] =
        word === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0)
    previous = row
  }
  return (previous[b.length] ?? 0) / a.length
}
