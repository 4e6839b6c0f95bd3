import type { EmbeddingProvider } from './EmbeddingProvider'

const DEFAULT_ENTRIES = 1000

/**
 * Remembers the vectors of single texts (queries): callers repeat themselves and the model
 * retries tools, while one embedding costs ~20 ms offline or a network round trip with OpenAI.
 * Batches (indexing) pass through uncached.
 */
export function withQueryCache(
  provider: EmbeddingProvider,
  entries = DEFAULT_ENTRIES
): EmbeddingProvider {
  const cache = new Map<string, number[]>()
  return {
    id: provider.id,
    dimensions: provider.dimensions,
    async embed(texts) {
      if (texts.length !== 1) return provider.embed(texts)
      const text = texts[0]!
      const hit = cache.get(text)
      if (hit) {
        // Refresh its place: the map's insertion order is the eviction order (LRU).
        cache.delete(text)
        cache.set(text, hit)
        return [hit]
      }
      const [vector] = await provider.embed(texts)
      if (cache.size >= entries) cache.delete(cache.keys().next().value!)
      cache.set(text, vector!)
      return [vector!]
    }
  }
}
