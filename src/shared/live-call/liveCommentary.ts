/** `session.commentary.append` takes at most 500 tokens: about this many characters. */
export const COMMENTARY_MAX_CHARS = 1800

/**
 * A catalog tool's output as a delegation's commentary: the same JSON a Realtime call's function
 * output carries (the agent speaks from it), made to fit the limit while staying JSON: the
 * citations go first, then the lists in the result lose items from the end.
 */
export function commentaryOf(output: string): string {
  if (output.length <= COMMENTARY_MAX_CHARS) return output
  let payload: { result?: Record<string, unknown>; citations?: unknown }
  try {
    payload = JSON.parse(output) as typeof payload
  } catch {
    return output.slice(0, COMMENTARY_MAX_CHARS)
  }
  const rest = { ...payload }
  delete rest.citations
  let text = JSON.stringify(rest)
  const result = rest.result ? { ...rest.result } : null
  while (text.length > COMMENTARY_MAX_CHARS && result) {
    const longest = Object.entries(result)
      .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
      .sort((a, b) => b[1].length - a[1].length)[0]
    if (!longest || longest[1].length <= 1) break
    result[longest[0]] = longest[1].slice(0, -1)
    text = JSON.stringify({ ...rest, result })
  }
  return text.length <= COMMENTARY_MAX_CHARS ? text : text.slice(0, COMMENTARY_MAX_CHARS)
}
