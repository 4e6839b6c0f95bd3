import type { EmbeddingProvider } from './EmbeddingProvider'

const DEFAULT_ENTRIES = 1000

/**
 * Remembers query vectors: callers repeat themselves and the model retries tools, while one
 * query costs a network round trip with OpenAI (or 8–16 ms on the offline sentence model).
 * Document embedding passes through uncached.
 */
export function withQueryCache(
  provider: EmbeddingProvider,
  entries = DEFAULT_ENTRIES
): EmbeddingProvider {
  const cache = new Map<string, number[]>()
  return {
    id: provider.id,
    dimensions: provider.dimensions,
    minSimilarity: provider.minSimilarity,
    embed: (texts) => provider.embed(texts),
    ...(provider.prepare && { prepare: (texts) => provider.prepare!(texts) }),
    async embedQuery(text) {
      const hit = cache.get(text)
      if (hit) {
        // Refresh its place: the map's insertion order is the eviction order (LRU).
        cache.delete(text)
        cache.set(text, hit)
        return hit
      }
      const vector = await provider.embedQuery(text)
      if (cache.size >= entries) cache.delete(cache.keys().next().value!)
      cache.set(text, vector)
      return vector
    }
  }
}
