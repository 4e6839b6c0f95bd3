import { z } from 'zod'
import { route } from '../route'

const ToolError = z
  .object({
    code: z.enum(['unknown_tool', 'invalid_arguments', 'not_found', 'failed']),
    message: z.string()
  })
  .strict()

export const catalogRoutes = {
  'catalog.search': route({
    input: z
      .object({ query: z.string().trim().min(1).max(300), k: z.number().int().min(1).max(25) })
      .strict(),
    output: z
      .object({
        products: z.array(
          z
            .object({
              sku: z.string(),
              name: z.string(),
              category: z.string(),
              price_usd: z.number(),
              in_stock: z.boolean(),
              score: z.number()
            })
            .strict()
        ),
        passages: z.array(
          z
            .object({ id: z.string(), title: z.string(), text: z.string(), score: z.number() })
            .strict()
        ),
        ms: z.number()
      })
      .strict()
  }),
  'catalog.products': route({
    input: z.object({}).strict(),
    output: z.array(
      z
        .object({
          id: z.string(),
          sku: z.string(),
          name: z.string(),
          category: z.string(),
          subcategory: z.string(),
          price_usd: z.number(),
          in_stock: z.boolean(),
          rating: z.number()
        })
        .strict()
    )
  }),
  'catalog.runTool': route({
    input: z
      .object({
        name: z.string().min(1).max(64),
        /** The model's arguments as it sent them: a JSON string (or an object). */
        arguments: z.union([z.string().max(10_000), z.record(z.string(), z.unknown())])
      })
      .strict(),
    output: z.discriminatedUnion('ok', [
      z
        .object({
          ok: z.literal(true),
          result: z.record(z.string(), z.unknown()),
          citations: z.array(z.string()),
          ms: z.number()
        })
        .strict(),
      z.object({ ok: z.literal(false), error: ToolError, ms: z.number() }).strict()
    ])
  })
}
