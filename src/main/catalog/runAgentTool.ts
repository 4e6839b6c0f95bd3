import { AgentToolResult, agentToolArgs } from '../../shared/catalog/agentTools'
import type { AgentSearch } from './AgentSearch'
import type { CatalogLookups } from './CatalogLookups'

export interface AgentCatalog {
  lookups: CatalogLookups
  search: AgentSearch
}

const PRODUCT_RESULTS = 5
const POLICY_RESULTS = 3
const firstSentence = (text: string): string => text.match(/^[^.!?]+[.!?]?/)?.[0] ?? text

const fail = (
  code: Extract<AgentToolResult, { ok: false }>['error']['code'],
  message: string
): AgentToolResult => ({ ok: false, error: { code, message } })

/**
 * Runs one of the agent's tools on the model's raw arguments (a JSON string or an object).
 * Never throws into the call: bad arguments and misses come back as errors the model can
 * recover from. Results are compact (the facts that answer) and cite their sources.
 */
export async function runAgentTool(
  catalog: AgentCatalog,
  name: string,
  raw: unknown
): Promise<AgentToolResult> {
  const { lookups, search } = catalog
  try {
    let args: unknown = raw
    if (typeof raw === 'string') {
      try {
        args = JSON.parse(raw)
      } catch {
        return fail('invalid_arguments', 'Arguments must be a JSON object.')
      }
    }
    if (name === 'search_products') {
      const parsed = agentToolArgs.search_products.safeParse(args)
      if (!parsed.success) return fail('invalid_arguments', argumentProblem(parsed.error.issues))
      const { query, category, max_price, in_stock_only } = parsed.data
      const hits = await search.searchProducts(
        query,
        { category, maxPrice: max_price, inStockOnly: in_stock_only },
        PRODUCT_RESULTS
      )
      if (hits.length === 0)
        return fail('not_found', 'No product matches. Try other words, or fewer filters.')
      return {
        ok: true,
        result: {
          products: hits.map(({ product: p }) => ({
            sku: p.sku,
            name: p.name,
            price_usd: p.price,
            in_stock: p.in_stock,
            fact: firstSentence(p.description)
          }))
        },
        citations: hits.map(({ product }) => product.sku)
      }
    }
    if (name === 'search_policies') {
      const parsed = agentToolArgs.search_policies.safeParse(args)
      if (!parsed.success) return fail('invalid_arguments', argumentProblem(parsed.error.issues))
      const hits = await search.searchPolicies(parsed.data.query, POLICY_RESULTS)
      if (hits.length === 0)
        return fail('not_found', 'No policy matches. Offer to transfer the caller to a person.')
      return {
        ok: true,
        result: {
          passages: hits.map(({ passage }) => ({ title: passage.title, text: passage.text }))
        },
        citations: hits.map(({ passage }) => passage.id)
      }
    }
    if (name === 'get_product') {
      const parsed = agentToolArgs.get_product.safeParse(args)
      if (!parsed.success) return fail('invalid_arguments', argumentProblem(parsed.error.issues))
      const p = lookups.product(parsed.data.id_or_sku)
      if (!p)
        return fail(
          'not_found',
          `No product with id or SKU "${parsed.data.id_or_sku}". Ask the caller for the product name.`
        )
      return {
        ok: true,
        result: {
          id: p.id,
          sku: p.sku,
          name: p.name,
          price_usd: p.price,
          in_stock: p.in_stock,
          category: `${p.category}/${p.subcategory}`,
          facts: p.description,
          weight_kg: p.weight_kg,
          rating: p.rating
        },
        citations: [p.sku]
      }
    }
    if (name === 'lookup_order') {
      const parsed = agentToolArgs.lookup_order.safeParse(args)
      if (!parsed.success) return fail('invalid_arguments', argumentProblem(parsed.error.issues))
      const { order_id, customer_name } = parsed.data
      const orders = lookups.orders({ orderId: order_id, customerName: customer_name })
      if (orders.length === 0)
        return fail(
          'not_found',
          'No order matches. Ask the caller to spell the order id (like ORD-2024-0001) or their full name.'
        )
      return {
        ok: true,
        result: {
          orders: orders.map((o) => ({
            order_id: o.order_id,
            date: o.order_date,
            item: `${o.quantity} × ${o.product_name} (${o.product_sku})`,
            total_usd: o.total,
            status: o.status,
            shipping: o.shipping_method,
            tracking: o.tracking_number
          }))
        },
        citations: orders.map((o) => o.order_id)
      }
    }
    return fail(
      'unknown_tool',
      `There is no tool "${name}". Tools: ${Object.keys(agentToolArgs).join(', ')}.`
    )
  } catch (error) {
    return fail(
      'failed',
      `The tool failed: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

const argumentProblem = (issues: { path: PropertyKey[]; message: string }[]): string =>
  'Invalid arguments: ' +
  issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
