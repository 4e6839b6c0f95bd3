import { cpus, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { CatalogLookups } from '../../src/main/catalog/CatalogLookups'
import { LexicalCatalogIndex } from '../../src/main/catalog/LexicalCatalogIndex'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { runAgentTool } from '../../src/main/catalog/runAgentTool'
import type { Product } from '../../src/shared/catalog/catalogSchemas'
import { seededRandom } from '../generate/syntheticSessions'
import { loadRagEvalSet } from '../eval/ragEvalSet'

// npm run bench:rag: the agent's search tools, round trip inside main (validate the model's
// arguments → search → serialise the result), at the shipped catalog and generated ones.
const sizes = [25, 1_000, 10_000, 50_000]
const CALLS = 2_000
const WARMUP = 200

const sources = loadCatalogSources(resolve('resources'))
const questions = loadRagEvalSet()

/** The shipped products, repeated with new ids, SKUs, prices and stock (seeded). */
function catalogOf(size: number): Product[] {
  if (size <= sources.products.length) return sources.products.slice(0, size)
  const random = seededRandom(size)
  return Array.from({ length: size }, (_, i) => {
    const base = sources.products[i % sources.products.length]!
    return {
      ...base,
      id: `P${String(i + 1).padStart(6, '0')}`,
      sku: `${base.sku}-${i}`,
      name: `${base.name} ${['Trail', 'Alpine', 'Urban', 'Pro', 'Lite'][i % 5]} ${i}`,
      price: Math.round(base.price * (0.6 + random() * 0.8) * 100) / 100,
      in_stock: random() > 0.15
    }
  })
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`
)
console.log('Targets: tool round trip p95 ≤ 5 ms (25 products), ≤ 20 ms (10k products)\n')
console.log(
  'products  build ms  heap MB  p50 ms  p95 ms  p99 ms  (search_products + search_policies)'
)
for (const size of sizes) {
  const products = catalogOf(size)
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const started = performance.now()
  const catalog = {
    lookups: new CatalogLookups(products, sources.orders),
    search: new LexicalCatalogIndex(products, sources.knowledge)
  }
  const buildMs = performance.now() - started
  global.gc?.()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
  const times: number[] = []
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const q = questions[i % questions.length]!
    const t = performance.now()
    JSON.stringify(runAgentTool(catalog, q.tool, JSON.stringify({ query: q.query })))
    if (i >= WARMUP) times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  console.log(
    [
      String(size).padStart(8),
      buildMs.toFixed(0).padStart(9),
      heapMb.toFixed(1).padStart(8),
      percentile(times, 50).toFixed(2).padStart(7),
      percentile(times, 95).toFixed(2).padStart(7),
      percentile(times, 99).toFixed(2).padStart(7)
    ].join(' ')
  )
}
console.log('\nLexical search only (the vector side is still to come); heap is after a GC when')
console.log('run with --expose-gc (npm run bench:rag does).')
