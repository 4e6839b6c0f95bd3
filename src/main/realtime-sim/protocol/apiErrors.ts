import type { z } from 'zod'
import type { ApiError } from '../../../shared/realtime/serverEvents'

/** The API's error object, as in HTTP bodies `{ error }` and `error` events. */
export type ApiErrorBody = Omit<ApiError, 'event_id'> & {
  type: string
  code: string | null
  param: string | null
}

export const invalidRequest = (
  code: string | null,
  message: string,
  param: string | null = null
): ApiErrorBody => ({ type: 'invalid_request_error', code, message, param })

/**
 * A validation failure as the API words it: unknown fields → `unknown_parameter`, missing ones
 * → `missing_required_parameter`, anything else → `invalid_value`; `param` is the dotted path
 * under `prefix` (e.g. `session`).
 */
export function issueToApiError(
  issues: z.core.$ZodIssue[],
  input: unknown,
  prefix: string[] = []
): ApiErrorBody {
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]
  if (!issue) return invalidRequest('invalid_value', 'Invalid request.')
  const param = (extra: PropertyKey[] = []): string =>
    [...prefix, ...issue.path, ...extra].map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    const name = param([issue.keys[0] ?? ''])
    return invalidRequest('unknown_parameter', `Unknown parameter: '${name}'.`, name)
  }
  if (valueAt(input, issue.path) === undefined)
    return invalidRequest(
      'missing_required_parameter',
      `Missing required parameter: '${param()}'.`,
      param()
    )
  return invalidRequest(
    'invalid_value',
    `Invalid value for '${param()}': ${issue.message}.`,
    param() || null
  )
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    value
  )
}
