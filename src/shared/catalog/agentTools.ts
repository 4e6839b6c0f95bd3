import { z } from 'zod'

/**
 * The agent's catalog tools: the JSON Schema the Realtime session config sends, and the zod
 * schema main validates the model's arguments with. Descriptions ask for English queries,
 * since the catalog is English.
 */
export const agentToolArgs = {
  search_products: z
    .object({
      query: z.string().trim().min(1).max(300),
      category: z.string().trim().min(1).max(60).optional(),
      max_price: z.number().positive().max(100_000).optional(),
      in_stock_only: z.boolean().optional()
    })
    .strict(),
  search_policies: z.object({ query: z.string().trim().min(1).max(300) }).strict(),
  get_product: z.object({ id_or_sku: z.string().trim().min(1).max(64) }).strict(),
  lookup_order: z
    .object({
      order_id: z.string().trim().min(1).max(64).optional(),
      customer_name: z.string().trim().min(1).max(120).optional()
    })
    .strict()
    .refine((a) => a.order_id !== undefined || a.customer_name !== undefined, {
      message: 'give order_id (or a tracking number) or customer_name'
    })
} as const
export type AgentToolName = keyof typeof agentToolArgs

export const agentToolDefinitions: {
  type: 'function'
  name: AgentToolName
  description: string
  parameters: object
}[] = [
  {
    type: 'function',
    name: 'search_products',
    description:
      'Search the OutdoorGear catalog. Write the query in English (translate what the caller ' +
      'said). Returns up to 5 products with price, stock and the fact that matched.',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What the caller wants, in English' },
        category: {
          type: 'string',
          description:
            'footwear, camping, climbing, clothing, hydration, lighting, packs or trekking'
        },
        max_price: { type: 'number', description: 'Highest price in USD' },
        in_stock_only: { type: 'boolean', description: 'Only products in stock' }
      },
      required: ['query'],
      additionalProperties: false
    }
  },
  {
    type: 'function',
    name: 'search_policies',
    description:
      'Search OutdoorGear policies, FAQs and product guides (returns, shipping, warranty, ' +
      'price match, loyalty, care, sizing). Write the query in English.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'The question, in English' } },
      required: ['query'],
      additionalProperties: false
    }
  },
  {
    type: 'function',
    name: 'get_product',
    description:
      'Get one OutdoorGear product by its id (P001) or SKU (TB-X200-BLK): price, stock, specs.',
    parameters: {
      type: 'object',
      properties: {
        id_or_sku: { type: 'string', description: 'Product id like P001 or SKU like TB-X200-BLK' }
      },
      required: ['id_or_sku'],
      additionalProperties: false
    }
  },
  {
    type: 'function',
    name: 'lookup_order',
    description:
      "Find a customer's orders by order id (ORD-2024-0001), tracking number (TRK-11-AAA001) " +
      'or the customer name: status, shipping method, tracking number, items.',
    parameters: {
      type: 'object',
      properties: {
        order_id: {
          type: 'string',
          description: 'Order id or tracking number, as the caller says it'
        },
        customer_name: { type: 'string', description: "The customer's full name" }
      },
      additionalProperties: false
    }
  }
]

/** What a tool returns to the model: compact facts with citations, or an error it can act on. */
export type AgentToolResult =
  | { ok: true; result: Record<string, unknown>; citations: string[] }
  | {
      ok: false
      error: {
        code: 'unknown_tool' | 'invalid_arguments' | 'not_found' | 'failed'
        message: string
      }
    }
