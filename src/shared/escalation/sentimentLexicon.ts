import { findPhrases, lexicon } from './phraseMatch'

// An offline sentiment reading of one caller utterance (en/es/fr): a small lexicon of the words
// frustrated callers use, no model and no key. Good enough to combine with interruptions; the
// post-call sentiment of a session comes from the live-call step's classifier.

export const NEGATIVE_PHRASES = {
  en: [
    'angry',
    'annoyed',
    'annoying',
    'frustrated',
    'frustrating',
    'ridiculous',
    'terrible',
    'awful',
    'horrible',
    'useless',
    'worst',
    'unacceptable',
    'disappointed',
    'disappointing',
    'hate',
    'stupid',
    'waste of time',
    'fed up',
    'sick of',
    'not working',
    'doesn t work',
    'still waiting',
    'rude',
    'pathetic',
    'nonsense',
    'complaint',
    'not listening',
    'wrong again',
    'this is a joke',
    'not happy',
    'upset'
  ],
  es: [
    'enojado',
    'enfadado',
    'molesto',
    'frustrado',
    'frustrante',
    'ridiculo',
    'terrible',
    'horrible',
    'pesimo',
    'inutil',
    'inaceptable',
    'decepcionado',
    'harto',
    'odio',
    'basura',
    'no funciona',
    'queja',
    'fatal',
    'absurdo',
    'no me escucha',
    'una verguenza'
  ],
  fr: [
    'fache',
    'enerve',
    'agace',
    'frustre',
    'frustrant',
    'ridicule',
    'terrible',
    'horrible',
    'nul',
    'inutile',
    'inacceptable',
    'decu',
    'marre',
    'deteste',
    'n importe quoi',
    'scandaleux',
    'inadmissible',
    'plainte',
    'ne marche pas',
    'ne fonctionne pas',
    'lamentable',
    'pas content'
  ]
} as const

export const POSITIVE_PHRASES = {
  en: ['thanks', 'thank you', 'great', 'perfect', 'excellent', 'awesome', 'helpful', 'happy'],
  es: ['gracias', 'perfecto', 'excelente', 'genial', 'estupendo', 'contento'],
  fr: ['merci', 'parfait', 'excellent', 'genial', 'super', 'content']
} as const

const NEGATIVE = lexicon(Object.values(NEGATIVE_PHRASES).flat())
const POSITIVE = lexicon(Object.values(POSITIVE_PHRASES).flat())

export interface SentimentReading {
  negative: boolean
  /** The negative phrases found (a negated positive, "not great", counts as one). */
  cues: string[]
}

/** Negative when it has negative cues and no more positive ones ("thanks, but this is useless"). */
export function readSentiment(transcript: string): SentimentReading {
  const negative = findPhrases(transcript, NEGATIVE).filter((hit) => !hit.negated)
  const positive = findPhrases(transcript, POSITIVE)
  const turned = positive.filter((hit) => hit.negated)
  const cues = [...negative, ...turned].map((hit) => hit.phrase)
  return { negative: cues.length > 0 && cues.length >= positive.length - turned.length, cues }
}
