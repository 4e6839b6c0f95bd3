export type Progress = (done: number, total: number) => void

/**
 * Turns texts into vectors. Implementations: static word vectors distilled from the offline
 * sentence model (the default), that model itself, and OpenAI.
 */
export interface EmbeddingProvider {
  /** Changes whenever vectors would change (model, dimensions): indexes are kept per id. */
  readonly id: string
  readonly dimensions: number
  /**
   * Cosine below which a nearest neighbour is noise with this model: nearest neighbours always
   * exist, even for "tell me a joke".
   */
  readonly minSimilarity: number
  /** Document vectors, in order (indexing). */
  embed(texts: readonly string[]): Promise<number[][]>
  /** One search query's vector. */
  embedQuery(text: string): Promise<number[]>
  /**
   * Learns what embedding these documents, and queries about them, needs (a static model's
   * vocabulary); called before every re-index, even when no document changed. Progress counts
   * words learned.
   */
  prepare?(texts: readonly string[], onProgress?: Progress): Promise<void>
  /** Writes what it learned and has not written yet (at shutdown). */
  close?(): void
}
