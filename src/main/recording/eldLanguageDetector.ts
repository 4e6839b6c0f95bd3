import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'

/** Languages the console is built and measured for; anything else is only taken when sure. */
export const CONSOLE_LANGUAGES = ['en', 'es', 'fr']

let loading: Promise<LanguageDetector> | undefined

/**
 * The eld n-gram detector (npm `eld`, "small" database: on our labelled calls as accurate as
 * "large" for en/es/fr at a third of the size). Loaded on first use: parsing its database
 * takes a second or two, which only a finished call should pay. A confident answer in any
 * language stands; otherwise the best of en/es/fr, since short calls in those three are the
 * common case and the full detector guesses at random on a "vale" or an "ok".
 */
export function loadEldDetector(): Promise<LanguageDetector> {
  loading ??= import('eld/small').then(({ eld }) => {
    const ours = eld.newInstance()
    ours.setLanguageSubset(CONSOLE_LANGUAGES)
    return (text: string) => {
      const any = eld.detect(text)
      if (any.language && any.isReliable()) return { language: any.language, reliable: true }
      const subset = ours.detect(text)
      return { language: subset.language, reliable: subset.isReliable() }
    }
  })
  return loading
}
