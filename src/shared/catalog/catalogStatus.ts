import { z } from 'zod'

const source = z
  .object({ count: z.number().int(), origin: z.enum(['shipped', 'imported']) })
  .strict()

/** What the Catalog screen shows about the agent's knowledge and its indexes. */
export const CatalogStatusSchema = z
  .object({
    sources: z.object({ products: source, orders: source, knowledge: source }).strict(),
    index: z
      .object({
        /** The embedding provider's id (model and dimensions), null when vector search is off. */
        provider: z.string().nullable(),
        dimensions: z.number().int().nullable(),
        /** off: no provider; stale: sources changed since the last build; building; ready; failed. */
        state: z.enum(['off', 'stale', 'building', 'ready', 'failed']),
        products: z.number().int(),
        passages: z.number().int(),
        builtAt: z.number().nullable(),
        lastRun: z.object({ embedded: z.number().int(), ms: z.number() }).strict().nullable(),
        error: z.string().nullable()
      })
      .strict(),
    /** What the agent's search tools use right now. */
    retrieval: z.enum(['lexical', 'hybrid'])
  })
  .strict()
export type CatalogStatus = z.output<typeof CatalogStatusSchema>

export const IndexProgressSchema = z
  .object({
    /** words: the offline provider learning word vectors (the base vocabulary at first start). */
    phase: z.enum(['words', 'products', 'passages']),
    done: z.number().int(),
    total: z.number().int()
  })
  .strict()
export type IndexProgress = z.output<typeof IndexProgressSchema>

export const CatalogSourceKindSchema = z.enum(['products', 'orders', 'knowledge'])
