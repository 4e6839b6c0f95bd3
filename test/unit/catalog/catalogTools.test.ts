import { describe, expect, it } from 'vitest'
import { CatalogLookups } from '../../../src/main/catalog/CatalogLookups'
import {
  CatalogSourceError,
  loadCatalogSources,
  parseCatalogCsv
} from '../../../src/main/catalog/loadCatalogSources'
import { runAgentTool } from '../../../src/main/catalog/runAgentTool'
import { ProductRow } from '../../../src/shared/catalog/catalogSchemas'
import { agentToolDefinitions } from '../../../src/shared/catalog/agentTools'
import { RESOURCES_DIR } from '../../support/tempDir'

const sources = loadCatalogSources(RESOURCES_DIR)
const lookups = new CatalogLookups(sources.products, sources.orders)

describe('the shipped catalog sources', () => {
  it('load completely and typed', () => {
    expect(sources.products).toHaveLength(25)
    expect(sources.orders).toHaveLength(20)
    expect(Object.keys(sources.knowledge.sections)).toEqual([
      'return_policy',
      'shipping',
      'warranty',
      'price_match',
      'loyalty_program'
    ])
    expect(sources.knowledge.faqs).toHaveLength(8)
    expect(sources.knowledge.product_guides).toHaveLength(4)
    expect(sources.products[0]).toMatchObject({ id: 'P001', price: 189.99, in_stock: true })
  })

  it('reject a bad products file with every problem located', () => {
    const csv =
      'id,name,category,subcategory,price,in_stock,sku,description,weight_kg\n' +
      'P1,Boot,footwear,boots,abc,maybe,SKU1,Nice,0.4\n' +
      'P2,,footwear,boots,-3,true,SKU2,Nice,0.4\n'
    const columns = Object.keys(ProductRow.shape)
    expect(() => parseCatalogCsv('products.csv', csv, ProductRow, columns)).toThrow(
      CatalogSourceError
    )
    try {
      parseCatalogCsv('products.csv', csv, ProductRow, columns)
    } catch (error) {
      expect((error as CatalogSourceError).issues).toEqual([
        { row: 1, column: 'rating', reason: 'missing column' }
      ])
    }
    const withRating = csv
      .replace('weight_kg\n', 'weight_kg,rating\n')
      .replace(/0\.4\n/g, '0.4,4.5\n')
    try {
      parseCatalogCsv('products.csv', withRating, ProductRow, columns)
      expect.unreachable()
    } catch (error) {
      expect((error as CatalogSourceError).issues).toEqual([
        { row: 2, column: 'price', reason: 'not a number' },
        { row: 2, column: 'in_stock', reason: 'not a boolean (true/false, 1/0, yes/no)' },
        { row: 3, column: 'name', reason: 'empty value' },
        { row: 3, column: 'price', reason: 'negative value' }
      ])
    }
  })
})

describe('get_product', () => {
  it('finds a product by id or SKU, however it is typed or spoken, with a citation', () => {
    for (const key of ['P001', 'p001', 'TB-X200-BLK', 'tb x200 blk']) {
      const result = runAgentTool(lookups, 'get_product', { id_or_sku: key })
      expect(result).toMatchObject({
        ok: true,
        result: { sku: 'TB-X200-BLK', name: 'TrailBlazer X200', price_usd: 189.99, in_stock: true },
        citations: ['TB-X200-BLK']
      })
    }
  })

  it('answers a miss and bad arguments with errors the model can act on', () => {
    expect(runAgentTool(lookups, 'get_product', '{"id_or_sku":"NOPE"}')).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    for (const bad of ['{', '[]', '{"sku":"P001"}', { id_or_sku: '' }, null]) {
      const result = runAgentTool(lookups, 'get_product', bad)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_arguments')
    }
  })
})

describe('lookup_order', () => {
  it('finds orders by id, tracking number or customer name, newest first', () => {
    const byId = runAgentTool(lookups, 'lookup_order', { order_id: 'ord 2024 0001' })
    expect(byId).toMatchObject({
      ok: true,
      result: {
        orders: [{ order_id: 'ORD-2024-0001', status: 'delivered', tracking: 'TRK-11-AAA001' }]
      },
      citations: ['ORD-2024-0001']
    })
    expect(runAgentTool(lookups, 'lookup_order', { order_id: 'TRK-11-AAA001' })).toMatchObject({
      ok: true,
      citations: ['ORD-2024-0001']
    })
    const byName = runAgentTool(lookups, 'lookup_order', { customer_name: 'alex rivera' })
    expect(byName.ok).toBe(true)
    if (byName.ok) {
      const dates = (byName.result['orders'] as { date: string }[]).map((o) => o.date)
      expect(dates.length).toBeGreaterThan(1)
      expect([...dates].sort().reverse()).toEqual(dates)
    }
  })

  it('requires every criterion given to match, and at least one criterion', () => {
    expect(
      runAgentTool(lookups, 'lookup_order', {
        order_id: 'ORD-2024-0001',
        customer_name: 'Jordan Kim'
      })
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(runAgentTool(lookups, 'lookup_order', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', message: expect.stringContaining('order_id') }
    })
  })
})

describe('the tool contract', () => {
  it('refuses unknown tools and declares a JSON Schema for each tool it runs', () => {
    expect(runAgentTool(lookups, 'drop_tables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_tool' }
    })
    expect(agentToolDefinitions.map((t) => t.name)).toEqual(['get_product', 'lookup_order'])
  })
})
