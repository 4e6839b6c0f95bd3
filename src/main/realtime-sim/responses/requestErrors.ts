import { invalidRequest, type ApiErrorBody } from '../protocol/apiErrors'

// The Responses API's words for a bad request body, one helper per kind of refusal.

export const missingParameter = (param: string): ApiErrorBody =>
  invalidRequest('missing_required_parameter', `Missing required parameter: '${param}'.`, param)

export const unknownParameter = (param: string): ApiErrorBody =>
  invalidRequest('unknown_parameter', `Unknown parameter: '${param}'.`, param)

export const invalidType = (param: string, expected: string, got: unknown): ApiErrorBody =>
  invalidRequest(
    'invalid_type',
    `Invalid type for '${param}': expected ${expected}, but got ${describe(got)} instead.`,
    param
  )

export const invalidValue = (
  param: string,
  value: unknown,
  supported: readonly string[]
): ApiErrorBody =>
  invalidRequest(
    'invalid_value',
    `Invalid value: '${String(value)}'. Supported values are: ${supported.map((s) => `'${s}'`).join(', ')}.`,
    param
  )

export const belowMinimum = (param: string, minimum: number, got: number): ApiErrorBody =>
  invalidRequest(
    'integer_below_min_value',
    `Invalid '${param}': integer below minimum value. Expected a value >= ${minimum}, but got ${got} instead.`,
    param
  )

export const unparsableBody = (): ApiErrorBody =>
  invalidRequest(
    null,
    'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'
  )

/** How the API names a JSON value's type in its messages. */
function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'object') return 'an object'
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`
}
