/** Any language detector: ISO 639-1 code ('' when it cannot tell) and whether it is sure. */
export type LanguageDetector = (text: string) => { language: string; reliable: boolean }

/** No caller speech to go by. */
export const UNDETERMINED_LANGUAGE = 'und'

export interface CallLanguageInput {
  /** The caller's transcripts (echo of the agent left out). */
  callerTexts: readonly string[]
  /** Languages the transcription model reported per utterance, when it does (gpt-transcribe). */
  reportedLanguages: readonly (string | null)[]
}

/**
 * The call's language: what the transcription model reported for most utterances when it
 * reports any, else the detector on all the caller said (one text: a whole call is far easier
 * to tell than a "vale" or an "ok"). 'und' when the caller said nothing.
 */
export function detectCallLanguage(input: CallLanguageInput, detect: LanguageDetector): string {
  const reported = input.reportedLanguages.flatMap((code) =>
    code ? [code.toLowerCase().slice(0, 2)] : []
  )
  if (reported.length > 0) return mostFrequent(reported)
  const text = input.callerTexts.join(' ').trim()
  if (text.length === 0) return UNDETERMINED_LANGUAGE
  return detect(text).language || UNDETERMINED_LANGUAGE
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  // Map keeps first-seen order, so a tie goes to the language heard first.
  let best = values[0]!
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v
  return best
}
