import type { CatalogStatus } from '@shared/catalog/catalogStatus'

/**
 * A catalog status as main reports it: 1,250 imported products (numbers that show each
 * language's grouping), a built offline index; tests override what they are about.
 */
export function catalogStatus(
  index: Partial<CatalogStatus['index']> = {},
  retrieval: CatalogStatus['retrieval'] = 'hybrid'
): CatalogStatus {
  return {
    sources: {
      products: { count: 1250, origin: 'imported' },
      orders: { count: 40, origin: 'shipped' },
      knowledge: { count: 12, origin: 'shipped' }
    },
    index: {
      provider: 'use-lite-512-words',
      dimensions: 512,
      state: 'ready',
      products: 1250,
      passages: 12,
      builtAt: Date.UTC(2026, 10, 25, 19, 30, 5),
      lastRun: { embedded: 1262, ms: 2345 },
      error: null,
      ...index
    },
    retrieval
  }
}
