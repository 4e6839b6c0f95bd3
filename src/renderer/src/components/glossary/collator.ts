const collators = new Map<string, Intl.Collator>()

/** One Intl.Collator per language: "Écho" sorts with the E's in French, not after Z. */
export function collator(language: string): Intl.Collator {
  let found = collators.get(language)
  if (!found) {
    found = new Intl.Collator(language, { sensitivity: 'base' })
    collators.set(language, found)
  }
  return found
}
