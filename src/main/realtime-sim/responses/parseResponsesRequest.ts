import type { ApiErrorBody } from '../protocol/apiErrors'
import { invalidRequest } from '../protocol/apiErrors'
import {
  belowMinimum,
  invalidType,
  invalidValue,
  missingParameter,
  unknownParameter,
  unparsableBody
} from './requestErrors'
import { strictSchemaProblem } from './strictJsonSchema'

export type TextFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      name: string
      schema: Record<string, unknown>
      strict: boolean | null
      description?: string
    }

/** A POST /v1/responses body the simulator can answer. */
export interface ResponsesRequest {
  model: string
  /** The input's text: the string, or each message's text parts, one per line. */
  inputText: string
  instructions: string | null
  format: TextFormat
  maxOutputTokens: number | null
  store: boolean
  /** Settings the answer echoes back as the API does (temperature, metadata, …). */
  body: Record<string, unknown>
}

// Every top-level parameter of ResponseCreateParams (openai 7.x): others are unknown_parameter.
const KNOWN = new Set([
  'access_programs',
  'background',
  'context_management',
  'conversation',
  'image',
  'include',
  'input',
  'instructions',
  'max_output_tokens',
  'max_tool_calls',
  'metadata',
  'model',
  'moderation',
  'parallel_tool_calls',
  'previous_response_id',
  'prompt',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning',
  'safety_identifier',
  'service_tier',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'text',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'truncation',
  'user'
])
const ROLES = ['user', 'assistant', 'system', 'developer']
const TEXT_PARTS = ['input_text', 'output_text']
const OTHER_PARTS = ['input_image', 'input_file', 'input_audio', 'refusal']
const FORMAT_NAME = /^[a-zA-Z0-9_-]{1,64}$/

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Checks a request body as the Responses API does; the API's error for the first problem. */
export function parseResponsesRequest(raw: unknown): ResponsesRequest | { error: ApiErrorBody } {
  if (!isObject(raw)) return { error: unparsableBody() }
  const fail = (error: ApiErrorBody): { error: ApiErrorBody } => ({ error })
  const unknown = Object.keys(raw).find((key) => !KNOWN.has(key))
  if (unknown !== undefined) return fail(unknownParameter(unknown))
  const { model, input, instructions, max_output_tokens: maxTokens, store, stream } = raw
  if (model === undefined || model === null) return fail(missingParameter('model'))
  if (typeof model !== 'string') return fail(invalidType('model', 'a string', model))
  if (input === undefined || input === null) return fail(missingParameter('input'))
  const inputText = readInput(input)
  if (typeof inputText !== 'string') return inputText
  if (instructions !== undefined && instructions !== null && typeof instructions !== 'string')
    return fail(invalidType('instructions', 'a string', instructions))
  if (maxTokens !== undefined && maxTokens !== null) {
    if (!Number.isInteger(maxTokens))
      return fail(invalidType('max_output_tokens', 'an integer', maxTokens))
    if ((maxTokens as number) < 16)
      return fail(belowMinimum('max_output_tokens', 16, maxTokens as number))
  }
  for (const [name, value] of [
    ['store', store],
    ['stream', stream]
  ] as const)
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      return fail(invalidType(name, 'a boolean', value))
  if (stream === true)
    return fail(
      invalidRequest(
        'unsupported_value',
        'The simulator does not stream /v1/responses: send stream: false.',
        'stream'
      )
    )
  const previous = raw['previous_response_id']
  if (typeof previous === 'string')
    // Nothing is stored here, as with `store: false` on the real service.
    return fail(
      invalidRequest(
        'previous_response_not_found',
        `Previous response with id '${previous}' not found.`,
        'previous_response_id'
      )
    )
  const format = readFormat(raw['text'])
  if ('error' in format) return format
  return {
    model,
    inputText,
    instructions: (instructions as string | null | undefined) ?? null,
    format,
    maxOutputTokens: (maxTokens as number | null | undefined) ?? null,
    store: store !== false,
    body: raw
  }
}

function readInput(input: unknown): string | { error: ApiErrorBody } {
  if (typeof input === 'string') return input
  if (!Array.isArray(input))
    return { error: invalidType('input', 'one of a string or array of input items', input) }
  const lines: string[] = []
  for (const [i, item] of input.entries()) {
    const at = `input[${i}]`
    if (!isObject(item)) return { error: invalidType(at, 'an object', item) }
    if (item['type'] !== undefined && item['type'] !== 'message')
      // Tool outputs and other items need state the simulator does not keep (README).
      return { error: invalidValue(`${at}.type`, item['type'], ['message']) }
    if (item['role'] === undefined) return { error: missingParameter(`${at}.role`) }
    if (!ROLES.includes(String(item['role'])))
      return { error: invalidValue(`${at}.role`, item['role'], ROLES) }
    const content = item['content']
    if (content === undefined) return { error: missingParameter(`${at}.content`) }
    if (typeof content === 'string') {
      lines.push(content)
      continue
    }
    if (!Array.isArray(content))
      return {
        error: invalidType(`${at}.content`, 'one of a string or array of input content', content)
      }
    for (const [j, part] of content.entries()) {
      const partAt = `${at}.content[${j}]`
      if (!isObject(part)) return { error: invalidType(partAt, 'an object', part) }
      const type = String(part['type'])
      if (TEXT_PARTS.includes(type)) {
        if (typeof part['text'] !== 'string')
          return { error: invalidType(`${partAt}.text`, 'a string', part['text']) }
        lines.push(part['text'])
      } else if (!OTHER_PARTS.includes(type))
        return {
          error: invalidValue(`${partAt}.type`, part['type'], [...TEXT_PARTS, ...OTHER_PARTS])
        }
    }
  }
  return lines.join('\n')
}

function readFormat(text: unknown): TextFormat | { error: ApiErrorBody } {
  if (text === undefined || text === null) return { type: 'text' }
  if (!isObject(text)) return { error: invalidType('text', 'an object', text) }
  const extra = Object.keys(text).find((key) => key !== 'format' && key !== 'verbosity')
  if (extra !== undefined) return { error: unknownParameter(`text.${extra}`) }
  const format = text['format']
  if (format === undefined || format === null) return { type: 'text' }
  if (!isObject(format)) return { error: invalidType('text.format', 'an object', format) }
  const types = ['text', 'json_schema', 'json_object']
  if (format['type'] === undefined) return { error: missingParameter('text.format.type') }
  if (!types.includes(String(format['type'])))
    return { error: invalidValue('text.format.type', format['type'], types) }
  if (format['type'] !== 'json_schema') return { type: format['type'] as 'text' | 'json_object' }
  const allowed = ['type', 'name', 'schema', 'strict', 'description']
  const unknown = Object.keys(format).find((key) => !allowed.includes(key))
  if (unknown !== undefined) return { error: unknownParameter(`text.format.${unknown}`) }
  const { name, schema, strict, description } = format
  if (name === undefined) return { error: missingParameter('text.format.name') }
  if (typeof name !== 'string') return { error: invalidType('text.format.name', 'a string', name) }
  if (!FORMAT_NAME.test(name))
    return {
      error: invalidRequest(
        'invalid_value',
        `Invalid 'text.format.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        'text.format.name'
      )
    }
  if (schema === undefined) return { error: missingParameter('text.format.schema') }
  if (!isObject(schema)) return { error: invalidType('text.format.schema', 'an object', schema) }
  if (strict !== undefined && strict !== null && typeof strict !== 'boolean')
    return { error: invalidType('text.format.strict', 'a boolean', strict) }
  if (description !== undefined && typeof description !== 'string')
    return { error: invalidType('text.format.description', 'a string', description) }
  if (strict === true) {
    const problem = strictSchemaProblem(schema)
    if (problem)
      return {
        error: invalidRequest(
          'invalid_json_schema',
          `Invalid schema for response_format '${name}': ${problem}`,
          'text.format.schema'
        )
      }
  }
  return {
    type: 'json_schema',
    name,
    schema,
    strict: (strict as boolean | null | undefined) ?? null,
    ...(description === undefined ? {} : { description: description as string })
  }
}
