import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CatalogService } from '../../../src/main/catalog/CatalogService'
import type { EmbeddingProvider } from '../../../src/main/catalog/embeddings/EmbeddingProvider'
import { offlineEmbeddings } from '../../../src/main/catalog/embeddings/offlineEmbeddings'
import type { IndexProgress } from '../../../src/shared/catalog/catalogStatus'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'

// The real offline provider, shared (distilling its base words takes a few seconds, once); a spy
// counts what is embedded.
const offline = offlineEmbeddings()
function countingEmbeddings(): EmbeddingProvider & { texts: string[]; queries: string[] } {
  const texts: string[] = []
  const queries: string[] = []
  return {
    id: offline.id,
    dimensions: offline.dimensions,
    minSimilarity: offline.minSimilarity,
    texts,
    queries,
    prepare: (batch, onProgress) => offline.prepare(batch, onProgress),
    embed: async (batch) => {
      texts.push(...batch)
      return offline.embed(batch)
    },
    embedQuery: async (query) => {
      queries.push(query)
      return offline.embedQuery(query)
    }
  }
}

const shippedProducts = readFileSync(join(RESOURCES_DIR, 'products.csv'), 'utf8')
const SLOW = { timeout: 120_000 }

describe('CatalogService', () => {
  const tmp = useTempDir()
  let mode: 'hybrid' | 'lexical' = 'hybrid'
  const open = (embeddings?: EmbeddingProvider, progress: IndexProgress[] = []) =>
    new CatalogService({
      shippedDir: RESOURCES_DIR,
      dataDir: tmp.path(),
      embeddings,
      retrieval: () => mode,
      onProgress: (p) => progress.push(p)
    })

  it(
    'answers lexically at once, and with hybrid retrieval once the vectors are built',
    SLOW,
    async () => {
      const progress: IndexProgress[] = []
      const embeddings = countingEmbeddings()
      const catalog = open(embeddings, progress)
      expect(catalog.status()).toMatchObject({
        sources: {
          products: { count: 25, origin: 'shipped' },
          orders: { count: 20, origin: 'shipped' },
          knowledge: { origin: 'shipped' }
        },
        index: { provider: 'use-lite-512-words', state: 'stale', products: 0 },
        retrieval: 'lexical'
      })
      expect(
        await catalog.runTool('search_products', { query: 'botas impermeables' })
      ).toMatchObject({
        ok: true
      })

      const run = await catalog.reindex()
      const passages = catalog.status().sources.knowledge.count
      expect(run.embedded).toBe(25 + passages)
      expect(embeddings.texts).toHaveLength(25 + passages)
      // After any words the shared provider learned first (see the test below).
      expect(progress.find((p) => p.phase !== 'words')).toEqual({
        phase: 'products',
        done: 0,
        total: 25
      })
      expect(progress).toContainEqual({ phase: 'products', done: 25, total: 25 })
      expect(progress.at(-1)).toEqual({ phase: 'passages', done: passages, total: passages })
      expect(catalog.status()).toMatchObject({
        index: { state: 'ready', products: 25, passages, lastRun: { embedded: 25 + passages } },
        retrieval: 'hybrid'
      })

      // Hybrid: Spanish and French still land on the English catalog; filters hold; noise misses.
      const boots = await catalog.runTool('search_products', { query: 'botas impermeables' })
      expect(boots.ok && boots.citations.slice(0, 3).some((s) => s.startsWith('TB-X200'))).toBe(
        true
      )
      const warranty = await catalog.runTool('search_policies', { query: 'quelle est la garantie' })
      expect(warranty.ok && warranty.citations.some((id) => id.startsWith('warranty'))).toBe(true)
      const cheap = await catalog.runTool('search_products', { query: 'tent', max_price: 250 })
      const prices = new Map(catalog.current.products.map((p) => [p.sku, p.price]))
      expect(cheap.ok && cheap.citations[0]).toBe('SB-TENT-2P')
      expect(cheap.ok && cheap.citations.every((sku) => prices.get(sku)! <= 250)).toBe(true)
      expect(await catalog.runTool('search_products', { query: 'tell me a joke' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' }
      })

      // Settings can turn the vector side off: the same service answers lexically.
      mode = 'lexical'
      expect(catalog.status().retrieval).toBe('lexical')
      expect(await catalog.runTool('search_products', { query: 'tell me a joke' })).toMatchObject({
        ok: false
      })
      mode = 'hybrid'
      expect(catalog.status().retrieval).toBe('hybrid')

      // Nothing changed: nothing is embedded again; `full` embeds everything.
      expect((await catalog.reindex()).embedded).toBe(0)
      expect((await catalog.reindex(true)).embedded).toBe(25 + passages)
    }
  )

  it('shows a fresh offline provider learning its words before the products', SLOW, async () => {
    const progress: IndexProgress[] = []
    await open(offlineEmbeddings(), progress).reindex()
    const firstProducts = progress.findIndex((p) => p.phase === 'products')
    const words = progress.slice(0, firstProducts)
    // The base vocabulary (thousands of words) in batches, then the products' own new words.
    expect(words.length).toBeGreaterThan(0)
    expect(words.every((p) => p.phase === 'words')).toBe(true)
    expect(words[0]).toMatchObject({ done: 0 })
    expect(words[0]!.total).toBeGreaterThan(4000)
    expect(words.filter((p) => p.done === p.total).length).toBeGreaterThanOrEqual(2)
  })

  it('embeds a question only when lexical search is unsure of it', SLOW, async () => {
    const embeddings = countingEmbeddings()
    const catalog = open(embeddings)
    await catalog.reindex()
    embeddings.queries.length = 0

    // Every term matched by the best hit (after the glossary): the lexical answer stands.
    const boots = await catalog.runTool('search_products', { query: 'botas impermeables' })
    expect(boots.ok && boots.citations[0]).toMatch(/^TB-X200/)
    expect(embeddings.queries).toEqual([])

    // No catalog words: the vectors find the returns policy that lexical search misses.
    const question = 'how long do I have to send something back'
    const lexicalOnly = catalog.current.lexical.searchPolicies(question, 3)
    expect(lexicalOnly.some((h) => h.passage.id.startsWith('return'))).toBe(false)
    const returns = await catalog.runTool('search_policies', { query: question })
    expect(embeddings.queries).toHaveLength(1)
    // First: lexical search is unsure, so the vectors' order wins the tie with the guide that
    // only shares the word "back".
    expect(returns.ok && returns.citations[0]).toMatch(/^return_policy/)
  })

  it('imports a products file, then re-embeds only the products that changed', SLOW, async () => {
    const embeddings = countingEmbeddings()
    const catalog = open(embeddings)
    await catalog.reindex()
    embeddings.texts.length = 0
    const edited = shippedProducts
      .replace('Summit Pro Tent,camping', 'Summit Pro Tent Mk II,camping')
      .trimEnd()
      .concat(
        '\nP026,Glacier Ice Axe,climbing,axes,129.00,true,GL-AXE-01,"Steel-head ice axe for glacier travel.",0.5,4.4\n'
      )
    const outcome = await catalog.import('products', tmp.write('new-products.csv', edited))
    expect(outcome).toEqual({
      status: 'imported',
      kind: 'products',
      fileName: 'new-products.csv',
      count: 26
    })
    expect(catalog.status().sources.products).toEqual({ count: 26, origin: 'imported' })
    // The import queued an incremental run in the background.
    await catalog.idle()
    expect(catalog.status().index).toMatchObject({ state: 'ready', products: 26 })
    expect(embeddings.texts.map((t) => t.split('.')[0])).toEqual([
      'Summit Pro Tent Mk II',
      'Glacier Ice Axe'
    ])
    const axe = await catalog.runTool('get_product', { id_or_sku: 'GL-AXE-01' })
    expect(axe).toMatchObject({ ok: true, result: { name: 'Glacier Ice Axe' } })

    // Another service on the same folder (a restart) reads the imported file.
    expect(open().status().sources.products).toEqual({ count: 26, origin: 'imported' })
  })

  it('refuses a bad file with every problem located, and changes nothing', async () => {
    const catalog = open()
    const broken = shippedProducts
      .replace('189.99,true,TB-X200-BLK', 'cheap,maybe,TB-X200-BLK')
      .replace('P002,', 'P001,')
    const outcome = await catalog.import('products', tmp.write('broken.csv', broken))
    expect(outcome.status).toBe('invalid')
    expect(outcome.status === 'invalid' && outcome.issues).toEqual([
      { row: 2, column: 'price', reason: 'not a number', code: 'catalogNotANumber' },
      {
        row: 2,
        column: 'in_stock',
        reason: 'not a boolean (true/false, 1/0, yes/no)',
        code: 'catalogNotABoolean'
      },
      {
        row: 3,
        column: 'id',
        reason: 'duplicate of row 2',
        code: 'catalogDuplicateOfRow',
        params: { row: 2 }
      }
    ])
    expect(existsSync(join(tmp.path(), 'catalog', 'products.csv'))).toBe(false)
    expect(catalog.status().sources.products).toEqual({ count: 25, origin: 'shipped' })

    const json = await catalog.import(
      'orders',
      tmp.write('orders.json', JSON.stringify([{ order_id: 'ORD-1', quantity: 0 }, 'nope']))
    )
    expect(json.status === 'invalid' && json.issues).toEqual([
      { row: 2, column: '*', reason: 'not an object', code: 'catalogNotAnObject' }
    ])
    const notJson = await catalog.import('knowledge', tmp.write('kb.json', '{"sections":'))
    expect(notJson.status === 'invalid' && notJson.issues[0]?.reason).toMatch(/^not valid JSON/)
    const csvKb = await catalog.import('knowledge', tmp.write('kb.csv', 'a,b\n1,2\n'))
    expect(csvKb.status === 'invalid' && csvKb.issues[0]?.reason).toMatch(/is a JSON file/)
  })

  it('imports orders as a JSON array and a knowledge base, validated like the shipped ones', async () => {
    const catalog = open()
    const orders = [
      {
        order_id: 'ORD-2025-0100',
        customer_id: 'C100',
        customer_name: 'Inès Moreau',
        product_sku: 'SP-TENT-2P',
        product_name: 'Summit Pro Tent',
        quantity: 1,
        unit_price: 349,
        total: 349,
        order_date: '2025-03-02',
        status: 'shipped',
        shipping_method: 'express',
        tracking_number: null
      }
    ]
    expect(
      await catalog.import('orders', tmp.write('orders.json', JSON.stringify(orders)))
    ).toMatchObject({
      status: 'imported',
      count: 1
    })
    expect(await catalog.runTool('lookup_order', { customer_name: 'ines moreau' })).toMatchObject({
      ok: true,
      citations: ['ORD-2025-0100']
    })
    const kb = JSON.parse(readFileSync(join(RESOURCES_DIR, 'knowledge-base.json'), 'utf8'))
    kb.faqs.push({
      id: 'F999',
      question: 'Do you rent kayaks?',
      answer: 'No, we only sell kayaks.'
    })
    expect(
      await catalog.import('knowledge', tmp.write('kb.json', JSON.stringify(kb)))
    ).toMatchObject({
      status: 'imported'
    })
    const rent = await catalog.runTool('search_policies', { query: 'rent a kayak' })
    expect(rent.ok && rent.citations[0]).toBe('F999')
    const missing = await catalog.import(
      'orders',
      tmp.write('o.json', JSON.stringify([{ order_id: 'X' }]))
    )
    expect(missing.status === 'invalid' && missing.issues.map((i) => i.column)).toContain(
      'customer_name'
    )
  })

  it('says vector search is off without a provider', async () => {
    const catalog = open()
    expect(catalog.status().index).toMatchObject({ state: 'off', provider: null })
    await expect(catalog.reindex()).rejects.toThrow(/no embedding provider/)
  })
})
