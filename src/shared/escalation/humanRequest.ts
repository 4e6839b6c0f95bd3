import { compileLexicon, findPhrases } from '../language/phraseMatch'

// How callers ask for a person, in the console's languages. French "personne" alone also means
// "nobody" ("personne ne répond"), so only its unambiguous forms are listed.
export const HUMAN_REQUEST_PHRASES = {
  en: [
    'human',
    'human being',
    'agent',
    'live agent',
    'real agent',
    'representative',
    'rep',
    'operator',
    'a person',
    'real person',
    'live person',
    'somebody real',
    'someone real',
    'supervisor',
    'manager',
    'speak to someone',
    'talk to someone',
    'speak to somebody'
  ],
  es: [
    'humano',
    'ser humano',
    'persona',
    'persona real',
    'agente',
    'representante',
    'operador',
    'operadora',
    'supervisor',
    'encargado',
    'hablar con alguien'
  ],
  fr: [
    'humain',
    'etre humain',
    'une personne',
    'vraie personne',
    'personne reelle',
    'agent',
    'conseiller',
    'conseillere',
    'operateur',
    'operatrice',
    'responsable',
    'superviseur',
    'parler a quelqu un'
  ]
} as const

const PHRASES = compileLexicon(Object.values(HUMAN_REQUEST_PHRASES).flat())

/**
 * The phrase by which the caller asks for a human, or null. "I don't need a human" is not a
 * request; any other mention is taken as one, since a missed request costs more than a
 * needless look.
 */
export function humanRequestPhrase(transcript: string): string | null {
  return findPhrases(transcript, PHRASES).find((hit) => hit.negation === null)?.phrase ?? null
}
