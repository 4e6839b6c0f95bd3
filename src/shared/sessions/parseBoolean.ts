const TRUE_WORDS = new Set(['true', '1', 'yes'])
const FALSE_WORDS = new Set(['false', '0', 'no'])

/** Booleans as spreadsheets and pandas write them: true/false in any case, 1/0, yes/no. */
export function parseBoolean(raw: string): boolean | undefined {
  const word = raw.trim().toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  return undefined
}
