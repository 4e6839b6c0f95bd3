import { createHash } from 'node:crypto'
import OpenAI from 'openai'
import { FAILED_REASONS } from '../../../shared/ipc/result'
import { fetchWithoutRedirects } from '../../secrets/fetchWithoutRedirects'
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
const QUERY_TIMEOUT_MS = 3000

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
    this.id = providerId(this.model, this.dimensions, options.baseURL)
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return []
    return this.embedWith(
      await this.client(this.options.maxRetries ?? 4, this.options.timeoutMs ?? 30_000),
      texts
    )
  }

  /**
   * A caller's question waits on this: a short budget and one retry, after which the tools
   * answer lexically (indexing keeps the patient budget).
   */
  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedWith(await this.client(1, QUERY_TIMEOUT_MS), [text]))[0]!
  }

  private async client(maxRetries: number, timeout: number): Promise<OpenAI> {
    const apiKey = await this.options.apiKey()
    if (!apiKey) throw new Error(FAILED_REASONS.noOpenAiKey)
    return new OpenAI({
      apiKey,
      baseURL: this.options.baseURL,
      defaultHeaders: this.options.headers?.(apiKey),
      maxRetries,
      timeout,
      fetch: fetchWithoutRedirects
    })
  }

  private async embedWith(client: OpenAI, texts: readonly string[]): Promise<number[][]> {
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
}

/**
 * The index's id, also its folder name: the model and size, and for any endpoint other than
 * api.openai.com a hash of it (a proxy may serve another model under the same name: their
 * vectors must never meet). Characters a folder name cannot hold are replaced, and hashed too.
 */
function providerId(model: string, dimensions: number, baseURL: string | undefined): string {
  const safe = model.replace(/[^A-Za-z0-9._-]/g, '_')
  const base = `openai-${safe}-${dimensions}`
  if (baseURL === undefined && safe === model) return base
  const hash = createHash('sha256')
    .update(JSON.stringify([model, baseURL ?? null]))
    .digest('hex')
  return `${base}-${hash.slice(0, 8)}`
}
