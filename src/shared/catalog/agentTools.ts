import { z } from 'zod'

/**
 * The agent's catalog tools: the JSON Schema the Realtime session config sends, and the zod
 * schema main validates the model's arguments with. Descriptions ask for English queries,
 * since the catalog is English.
 */
export const agentToolArgs = {
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
