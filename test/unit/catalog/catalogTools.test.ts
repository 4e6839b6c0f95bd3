import { describe, expect, it } from 'vitest'
import { openAgentCatalog } from '../../../src/main/catalog/openAgentCatalog'
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
const catalog = openAgentCatalog(RESOURCES_DIR)

describe('the shipped catalog sources', () => {
  it('load completely and typed', async () => {
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

  it('reject a bad products file with every problem located', async () => {
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
  it('finds a product by id or SKU, however it is typed or spoken, with a citation', async () => {
    for (const key of ['P001', 'p001', 'TB-X200-BLK', 'tb x200 blk']) {
      const result = await runAgentTool(catalog, 'get_product', { id_or_sku: key })
      expect(result).toMatchObject({
        ok: true,
        result: { sku: 'TB-X200-BLK', name: 'TrailBlazer X200', price_usd: 189.99, in_stock: true },
        citations: ['TB-X200-BLK']
      })
    }
  })

  it('answers a miss and bad arguments with errors the model can act on', async () => {
    expect(await runAgentTool(catalog, 'get_product', '{"id_or_sku":"NOPE"}')).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    for (const bad of ['{', '[]', '{"sku":"P001"}', { id_or_sku: '' }, null]) {
      const result = await runAgentTool(catalog, 'get_product', bad)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_arguments')
    }
  })
})

describe('lookup_order', () => {
  it('finds orders by id, tracking number or customer name, newest first', async () => {
    const byId = await runAgentTool(catalog, 'lookup_order', { order_id: 'ord 2024 0001' })
    expect(byId).toMatchObject({
      ok: true,
      result: {
        orders: [{ order_id: 'ORD-2024-0001', status: 'delivered', tracking: 'TRK-11-AAA001' }]
      },
      citations: ['ORD-2024-0001']
    })
    expect(
      await runAgentTool(catalog, 'lookup_order', { order_id: 'TRK-11-AAA001' })
    ).toMatchObject({
      ok: true,
      citations: ['ORD-2024-0001']
    })
    const byName = await runAgentTool(catalog, 'lookup_order', { customer_name: 'alex rivera' })
    expect(byName.ok).toBe(true)
    if (byName.ok) {
      const dates = (byName.result['orders'] as { date: string }[]).map((o) => o.date)
      expect(dates.length).toBeGreaterThan(1)
      expect([...dates].sort().reverse()).toEqual(dates)
    }
  })

  it('requires every criterion given to match, and at least one criterion', async () => {
    expect(
      await runAgentTool(catalog, 'lookup_order', {
        order_id: 'ORD-2024-0001',
        customer_name: 'Jordan Kim'
      })
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await runAgentTool(catalog, 'lookup_order', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', message: expect.stringContaining('order_id') }
    })
  })
})

describe('the tool contract', () => {
  it('refuses unknown tools and declares a JSON Schema for each tool it runs', async () => {
    expect(await runAgentTool(catalog, 'drop_tables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_tool' }
    })
    expect(agentToolDefinitions.map((t) => t.name)).toEqual([
      'search_products',
      'search_policies',
      'get_product',
      'lookup_order'
    ])
  })
})

const skus = async (query: string, extra: object = {}): Promise<string[]> => {
  const result = await runAgentTool(catalog, 'search_products', { query, ...extra })
  return result.ok ? result.citations : []
}
const sections = async (query: string): Promise<string[]> => {
  const result = await runAgentTool(catalog, 'search_policies', { query })
  return result.ok ? result.citations : []
}

describe('search_products (lexical, with the es/fr glossary)', () => {
  it.each([
    ['waterproof hiking boots', 'TB-X200'],
    ['botas impermeables para senderismo', 'TB-X200'],
    ['chaussures de randonnée imperméables', 'TB-X200'],
    ['tienda de campaña para invierno', 'SP-TENT'],
    ['tente pour deux personnes', '-TENT-'],
    ['lampe frontale', 'AL-'],
    ['saco de dormir', 'TT-SB'],
    ['headlamp', 'AL-']
  ])('finds %s among the top 3 (SKU containing %s)', async (query, sku) => {
    expect((await skus(query)).slice(0, 3).some((s) => s.includes(sku))).toBe(true)
  })

  it('applies category, price and stock filters', async () => {
    const cheap = await runAgentTool(catalog, 'search_products', { query: 'tent', max_price: 250 })
    expect(cheap.ok && cheap.citations).toEqual(['SB-TENT-2P'])
    const climbing = await skus('shoes', { category: 'climbing' })
    expect(climbing.length).toBeGreaterThan(0)
    const climbingSkus = new Set(
      sources.products.filter((p) => p.category === 'climbing').map((p) => p.sku)
    )
    expect(climbing.every((s) => climbingSkus.has(s))).toBe(true)
    const inStock = new Set(sources.products.filter((p) => p.in_stock).map((p) => p.sku))
    expect((await skus('jacket', { in_stock_only: true })).every((s) => inStock.has(s))).toBe(true)
  })

  it('returns compact products and recoverable errors', async () => {
    const result = await runAgentTool(catalog, 'search_products', { query: 'harness' })
    expect(result.ok && Object.keys((result.result['products'] as object[])[0]!)).toEqual([
      'sku',
      'name',
      'price_usd',
      'in_stock',
      'fact'
    ])
    expect(await runAgentTool(catalog, 'search_products', { query: 'zzqqxx' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(
      await runAgentTool(catalog, 'search_products', { query: 'tent', max_price: 'cheap' })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' }
    })
  })
})

describe('search_policies', () => {
  it.each([
    ['how many days do I have to return something', 'return_policy'],
    ['¿cuánto cuesta el envío?', 'shipping'],
    ['quelle est la garantie', 'warranty'],
    ['can I wash my sleeping bag', 'F002'],
    ['do you match prices', 'price_match']
  ])('finds %s', async (query, id) => {
    expect((await sections(query)).some((s) => s === id || s.startsWith(`${id}#`))).toBe(true)
  })
})

describe('policy passages', () => {
  it('split sections two sentences at a time without breaking prices', async () => {
    const { policyPassages } = await import('../../../src/main/catalog/policyPassages')
    const passages = policyPassages(sources.knowledge)
    const shipping = passages.filter((p) => p.id.startsWith('shipping#'))
    expect(shipping.map((p) => p.id)).toEqual(['shipping#1', 'shipping#2', 'shipping#3'])
    expect(shipping[1]!.text).toBe(
      'Overnight shipping costs $24.99. We ship to 35 countries internationally; rates vary by destination.'
    )
    expect(passages.filter((p) => /^F\d+$/.test(p.id))).toHaveLength(8)
  })
})
