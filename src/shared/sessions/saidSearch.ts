import { z } from 'zod'

/**
 * Full-text search over what was said in recorded calls. Both backends index the same text
 * (each call's caller lines and agent lines, folded to lower case without accents) and are
 * queried with the same words, taken here from what the user typed: runs of letters and digits,
 * so no input can reach a query syntax (FTS5 MATCH, to_tsquery) as an operator.
 */

/** Most words a search uses; more are ignored (a search is a few words, not a paragraph). */
export const MAX_SAID_WORDS = 8
const MAX_WORD_CHARS = 40

/** The search's words, in order, each at most 40 characters; [] when there is none. */
export function saidWords(text: string | undefined): string[] {
  if (!text) return []
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []
  return words.slice(0, MAX_SAID_WORDS).map((word) => word.slice(0, MAX_WORD_CHARS))
}

/** Marks a snippet's matching words: control characters no transcript line holds. */
export const HIT_START = '\u0002'
export const HIT_END = '\u0003'

export const SnippetPartSchema = z.object({ text: z.string().max(2000), hit: z.boolean() }).strict()
export type SnippetPart = z.infer<typeof SnippetPartSchema>

/** A session's matching words in context, from the caller's lines or the agent's. */
export const SaidMatchSchema = z
  .object({
    sessionId: z.string(),
    speaker: z.enum(['caller', 'agent']),
    parts: z.array(SnippetPartSchema).max(100)
  })
  .strict()
export type SaidMatch = z.infer<typeof SaidMatchSchema>

/** A snippet with HIT_START/HIT_END marks as parts; stray or missing marks are taken as text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const push = (text: string, hit: boolean): void => {
    if (text === '') return
    const last = parts.at(-1)
    if (last && last.hit === hit) last.text += text
    else parts.push({ text, hit })
  }
  let rest = marked
  for (;;) {
    const start = rest.indexOf(HIT_START)
    const end = start < 0 ? -1 : rest.indexOf(HIT_END, start + 1)
    if (start < 0 || end < 0) {
      push(rest.replaceAll(HIT_START, '').replaceAll(HIT_END, ''), false)
      return parts
    }
    push(rest.slice(0, start).replaceAll(HIT_END, ''), false)
    push(rest.slice(start + 1, end), true)
    rest = rest.slice(end + 1)
  }
}

/**
 * The snippet to show of a session's two (caller's and agent's): the first with a hit, the
 * caller's before the agent's; null when neither has one.
 */
export function pickSnippet(
  sessionId: string,
  caller: string | null,
  agent: string | null
): SaidMatch | null {
  for (const [speaker, marked] of [
    ['caller', caller],
    ['agent', agent]
  ] as const) {
    if (!marked || !marked.includes(HIT_START)) continue
    const parts = snippetParts(marked)
    if (parts.some((part) => part.hit)) return { sessionId, speaker, parts }
  }
  return null
}
