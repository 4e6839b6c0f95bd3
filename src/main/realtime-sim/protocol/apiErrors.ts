import type { z } from 'zod'
import type { ApiError } from '../../../shared/realtime/serverEvents'
import { valueAt, wordIssue } from './issueWording'

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
 * A validation failure as the API words it (`issueWording.ts`): unknown fields →
 * `unknown_parameter`, missing ones → `missing_required_parameter`, the rest by kind
 * (`invalid_value`, `invalid_type`, `integer_above_max_value`, …); `param` is the path under
 * `prefix` (e.g. `session`), array indices in brackets (`session.tools[0].name`).
 */
export function issueToApiError(
  issues: z.core.$ZodIssue[],
  input: unknown,
  prefix: string[] = []
): ApiErrorBody {
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]
  if (!issue) return invalidRequest('invalid_value', 'Invalid request.')
  const param = (path: PropertyKey[]): string => dotted([...prefix, ...path])
  if (issue.code === 'unrecognized_keys') {
    const name = param([...issue.path, issue.keys[0] ?? ''])
    return invalidRequest('unknown_parameter', `Unknown parameter: '${name}'.`, name)
  }
  if (valueAt(input, issue.path) === undefined)
    return invalidRequest(
      'missing_required_parameter',
      `Missing required parameter: '${param(issue.path)}'.`,
      param(issue.path)
    )
  const { code, message, path } = wordIssue(issue, input, param)
  return invalidRequest(code, message, param(path) || null)
}

/** `session.tools[0].name`, as the API names nested parameters. */
function dotted(path: PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`))
    .join('')
}
