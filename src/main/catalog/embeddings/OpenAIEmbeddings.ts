import OpenAI from 'openai'
import { FAILED_REASONS } from '../../../shared/ipc/result'
import type { EmbeddingProvider } from './EmbeddingProvider'

export interface OpenAIEmbeddingsOptions {
  /** Read when a request is made, so a key saved in Settings applies without a restart. */
  apiKey: () => Promise<string | undefined> | string | undefined
  model?: string
  /** text-embedding-3 models can shorten their vectors; fewer dims, smaller and faster index. */
  dimensions?: number
  /** A custom OpenAI-compatible endpoint (Azure's v1 API, a proxy, a local stand-in in tests). */
  baseURL?: string
  /** Azure authenticates with an `api-key` header: given the key, the extra headers. */
  headers?: (apiKey: string) => Record<string, string>
  /** Retries on 429 and 5xx with exponential backoff (the SDK honours Retry-After). */
  maxRetries?: number
  batchSize?: number
  timeoutMs?: number
}

const DEFAULT_MODEL = 'text-embedding-3-small'
const DEFAULT_DIMENSIONS = 512
// The API accepts up to 2048 inputs per request; smaller batches keep each retry cheap.
const DEFAULT_BATCH = 256

/** OpenAI embeddings (text-embedding-3-small by default), batched, retried, keyed per call. */
export class OpenAIEmbeddings implements EmbeddingProvider {
  readonly id: string
  readonly dimensions: number
  // Not tuned here (no key to measure with); the offline sentence model's floor.
  readonly minSimilarity = 0.3
  private readonly model: string
  private readonly batchSize: number

  constructor(private readonly options: OpenAIEmbeddingsOptions) {
    this.model = options.model ?? DEFAULT_MODEL
    this.dimensions = options.dimensions ?? DEFAULT_DIMENSIONS
    this.batchSize = options.batchSize ?? DEFAULT_BATCH
    this.id = `openai-${this.model}-${this.dimensions}`
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return []
    const apiKey = await this.options.apiKey()
    if (!apiKey) throw new Error(FAILED_REASONS.noOpenAiKey)
    const client = new OpenAI({
      apiKey,
      baseURL: this.options.baseURL,
      defaultHeaders: this.options.headers?.(apiKey),
      maxRetries: this.options.maxRetries ?? 4,
      timeout: this.options.timeoutMs ?? 30_000
    })
    const vectors: number[][] = []
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize)
      const response = await client.embeddings.create({
        model: this.model,
        input: [...batch],
        dimensions: this.dimensions
      })
      // The API may answer out of order; `index` says which input each vector belongs to.
      const ordered = new Array<number[]>(batch.length)
      for (const item of response.data) ordered[item.index] = Array.from(item.embedding)
      for (let i = 0; i < batch.length; i++) {
        const vector = ordered[i]
        if (!vector || vector.length !== this.dimensions)
          throw new Error(
            `The embeddings endpoint returned ${vector ? `${vector.length} dims` : 'no vector'} for input ${start + i}; expected ${this.dimensions}.`
          )
        vectors.push(vector)
      }
    }
    return vectors
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embed([text]))[0]!
  }
}
