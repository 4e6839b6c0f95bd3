/** Turns texts into vectors. Implementations: the offline model shipped in npm; OpenAI. */
export interface EmbeddingProvider {
  /** Changes whenever vectors would change (model, dimensions): indexes are kept per id. */
  readonly id: string
  readonly dimensions: number
  embed(texts: readonly string[]): Promise<number[][]>
}
