/** Lower case, accents stripped ("Réclamation" → "reclamation"), everything else as it is. */
export const foldCaseAndAccents = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * Lower case, accents stripped ("sí" → "si"), anything but letters and digits as a word break
 * ("mm-hmm" → "mm hmm", "d'accord" → "d accord"), runs of 3+ letters shortened ("mmmm" → "mm").
 * Every word list of the console (acknowledgements, lexicons, human requests) is matched on
 * these words, so a list is written as people say it and folded the same way as the speech.
 */
export function normalizeWords(text: string): string[] {
  return foldCaseAndAccents(text)
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
}
