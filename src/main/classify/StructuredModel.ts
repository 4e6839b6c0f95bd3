import OpenAI from 'openai'
import { fetchWithoutRedirects } from '../secrets/fetchWithoutRedirects'
import type { ZodType } from 'zod'

export interface StructuredQuestion<T> {
  /** `text.format`: the JSON schema the answer must follow (strict Structured Outputs). */
  format: { name: string; schema: Record<string, unknown> }
  instructions: string
  input: string
  answer: ZodType<T>
  maxOutputTokens: number
  /** The whole question's budget, retries included (default: the model's timeoutMs). */
  timeoutMs?: number
}

/** A model that answers a question with JSON of a given schema. */
export interface StructuredModel {
  /** The model (or Azure deployment) name, stored with what it labelled. */
  readonly model: string
  ask<T>(question: StructuredQuestion<T>): Promise<T>
}

/** The model's answer was not usable (refusal, cut short, not the schema). */
export class UnusableAnswerError extends Error {}

export interface ResponsesModelOptions {
  model: string
  apiKey: string
  /** `https://api.openai.com/v1` when absent; Azure's `{endpoint}/openai/v1`; a proxy. */
  baseURL?: string
  /** Azure's v1 API authenticates with an `api-key` header rather than a bearer. */
  headers?: Record<string, string>
  timeoutMs?: number
  maxRetries?: number
}

/**
 * POST /v1/responses with `text.format` = json_schema (strict) and `store: false` (call
 * transcripts are not kept by the service for later retrieval). Retries 429/5xx per the SDK.
 */
export class ResponsesModel implements StructuredModel {
  readonly model: string
  private readonly client: OpenAI
  private readonly timeoutMs: number

  constructor(options: ResponsesModelOptions) {
    this.model = options.model
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      defaultHeaders: options.headers,
      timeout: this.timeoutMs,
      maxRetries: options.maxRetries ?? 1,
      fetch: fetchWithoutRedirects
    })
  }

  async ask<T>(question: StructuredQuestion<T>): Promise<T> {
    const budget = question.timeoutMs ?? this.timeoutMs
    // A retry after a slow failure must not stretch a hang-up past the budget.
    const deadline = AbortSignal.timeout(budget)
    let response: Awaited<ReturnType<OpenAI['responses']['create']>> & { output_text: string }
    try {
      response = await this.client.responses.create(
        {
          model: this.model,
          instructions: question.instructions,
          input: question.input,
          text: { format: { type: 'json_schema', strict: true, ...question.format } },
          max_output_tokens: question.maxOutputTokens,
          store: false,
          stream: false
        },
        { timeout: budget, signal: deadline }
      )
    } catch (error) {
      if (deadline.aborted) throw new UnusableAnswerError(`No answer within ${budget / 1000} s`)
      throw error
    }
    if (response.status !== 'completed')
      throw new UnusableAnswerError(
        `The model's answer is ${response.status ?? 'unfinished'}${response.incomplete_details?.reason ? ` (${response.incomplete_details.reason})` : ''}`
      )
    const refusal = response.output
      .flatMap((item) => (item.type === 'message' ? item.content : []))
      .find((part) => part.type === 'refusal')
    if (refusal) throw new UnusableAnswerError(`The model refused: ${refusal.refusal}`)
    let json: unknown
    try {
      json = JSON.parse(response.output_text)
    } catch {
      throw new UnusableAnswerError('The model did not answer with JSON')
    }
    const parsed = question.answer.safeParse(json)
    if (!parsed.success)
      throw new UnusableAnswerError(
        `The model's JSON does not follow the schema: ${parsed.error.issues[0]?.message ?? ''}`
      )
    return parsed.data
  }
}
