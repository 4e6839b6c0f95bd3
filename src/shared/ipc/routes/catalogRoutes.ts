import { z } from 'zod'
import { CatalogSourceKindSchema, CatalogStatusSchema } from '../../catalog/catalogStatus'
import { route } from '../route'
import { IssueSchema } from '../../sessions/importOutcome'

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
        ms: z.number(),
        retrieval: z.enum(['lexical', 'hybrid'])
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
  }),
  'catalog.status': route({ input: z.object({}).strict(), output: CatalogStatusSchema }),
  /** Re-embeds everything (full) or what changed; progress arrives as catalog.indexProgress. */
  'catalog.reindex': route({
    input: z.object({ full: z.boolean() }).strict(),
    output: z.object({ embedded: z.number().int(), ms: z.number() }).strict()
  }),
  /** Opens main's file dialog for a source file; null when the user cancels. */
  'catalog.pickImportFile': route({
    input: z.object({ kind: CatalogSourceKindSchema }).strict(),
    output: z.object({ token: z.string(), fileName: z.string() }).strict().nullable()
  }),
  /** Validates the picked file completely and replaces the source only if all of it is valid. */
  'catalog.import': route({
    input: z.object({ token: z.string().min(1).max(100) }).strict(),
    output: z.discriminatedUnion('status', [
      z
        .object({
          status: z.literal('imported'),
          kind: CatalogSourceKindSchema,
          fileName: z.string(),
          count: z.number().int()
        })
        .strict(),
      z
        .object({
          status: z.literal('invalid'),
          kind: CatalogSourceKindSchema,
          fileName: z.string(),
          // A catalog file's rows are whole numbers (an item number for JSON).
          issues: z.array(IssueSchema.extend({ row: z.number().int() })),
          totalIssues: z.number().int()
        })
        .strict()
    ])
  })
}
