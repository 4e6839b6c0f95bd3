import { randomBytes } from 'node:crypto'
import type { ResponsesRequest } from './parseResponsesRequest'

/** What the (scripted) model produced: text for `output_text`, or a refusal. */
export type ModelOutput = { text: string } | { refusal: string }

/** Ids as long as the Responses API's (`resp_` + 50 hex digits). */
export const responsesId = (prefix: 'resp' | 'msg' | 'req'): string =>
  `${prefix}_${randomBytes(prefix === 'req' ? 16 : 25).toString('hex')}`

// About four characters per token, as the realtime side estimates (call/usageEstimate.ts).
const tokensOf = (text: string): number => Math.ceil(text.length / 4)

/**
 * The Response object the API returns for a non-streamed request: one assistant message with
 * an `output_text` (or `refusal`) part. An answer longer than `max_output_tokens` is cut there
 * and the response is `incomplete` with reason `max_output_tokens`, as the model would stop.
 */
export function responseObject(
  request: ResponsesRequest,
  output: ModelOutput,
  createdAtSeconds: number
): { id: string; incomplete: boolean; text: string | null; body: Record<string, unknown> } {
  const id = responsesId('resp')
  const limit = request.maxOutputTokens
  let part: Record<string, unknown>
  let outputTokens: number
  let incomplete = false
  let text: string | null = null
  if ('refusal' in output) {
    part = { type: 'refusal', refusal: output.refusal }
    outputTokens = tokensOf(output.refusal)
  } else {
    text = output.text
    if (limit !== null && tokensOf(text) > limit) {
      text = text.slice(0, limit * 4)
      incomplete = true
    }
    part = { type: 'output_text', annotations: [], logprobs: [], text }
    outputTokens = tokensOf(text)
  }
  const inputTokens = tokensOf(request.instructions ?? '') + tokensOf(request.inputText)
  const status = incomplete ? 'incomplete' : 'completed'
  const body = request.body
  const echo = <T>(key: string, otherwise: T): unknown => body[key] ?? otherwise
  return {
    id,
    incomplete,
    text,
    body: {
      id,
      object: 'response',
      created_at: createdAtSeconds,
      status,
      background: false,
      completed_at: incomplete ? null : createdAtSeconds,
      error: null,
      incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
      instructions: request.instructions,
      max_output_tokens: request.maxOutputTokens,
      max_tool_calls: echo('max_tool_calls', null),
      model: request.model,
      output: [
        {
          id: responsesId('msg'),
          type: 'message',
          status,
          content: [part],
          role: 'assistant'
        }
      ],
      parallel_tool_calls: echo('parallel_tool_calls', true),
      previous_response_id: null,
      prompt_cache_key: echo('prompt_cache_key', null),
      reasoning: { effort: null, summary: null },
      safety_identifier: echo('safety_identifier', null),
      service_tier: 'default',
      store: request.store,
      temperature: echo('temperature', 1),
      text: { format: request.format, verbosity: 'medium' },
      tool_choice: echo('tool_choice', 'auto'),
      tools: echo('tools', []),
      top_logprobs: echo('top_logprobs', 0),
      top_p: echo('top_p', 1),
      truncation: echo('truncation', 'disabled'),
      usage: {
        input_tokens: inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: inputTokens + outputTokens
      },
      user: echo('user', null),
      metadata: echo('metadata', {})
    }
  }
}
