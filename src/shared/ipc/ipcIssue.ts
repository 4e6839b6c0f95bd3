import { z } from 'zod'

/** One reason a request's input was refused: zod's English message, and what to say it again. */
export interface IpcIssue {
  path: string
  message: string
  /** zod's issue code; the UI words the ones it knows in its language. */
  code?: string
  params?: Record<string, string | number | boolean>
}

/**
 * The values zod's English message is built from, for the codes whose message they fully
 * determine (the UI falls back to `message` for the others). `raw` is the request's input:
 * zod keeps no copy of the value it refused, and an invalid_type message names its type.
 */
export function toIpcIssue(issue: z.core.$ZodIssue, raw: unknown): IpcIssue {
  const base = { path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }
  switch (issue.code) {
    case 'invalid_type':
      return {
        ...base,
        params: { expected: issue.expected, received: typeName(at(raw, issue.path)) }
      }
    case 'unrecognized_keys':
      return {
        ...base,
        params: { keys: z.core.util.joinValues(issue.keys, ', '), count: issue.keys.length }
      }
    case 'too_big':
    case 'too_small': {
      const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum
      // Numbers only: sized origins (strings, arrays) name their unit in English.
      if (issue.origin !== 'number' || typeof limit !== 'number' || issue.exact) return base
      return { ...base, params: { limit, inclusive: issue.inclusive === true } }
    }
    default:
      return base
  }
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/** The type name zod's English messages use for a received value. */
function typeName(value: unknown): string {
  const type = z.core.util.parsedType(value)
  if (type === 'nan') return 'NaN'
  if (type === 'number' && !Number.isFinite(value)) return String(value)
  return type
}
