import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import type { EmbeddingProvider } from '../../src/main/catalog/embeddings/EmbeddingProvider'
import { OfflineEmbeddings } from '../../src/main/catalog/embeddings/OfflineEmbeddings'
import { withQueryCache } from '../../src/main/catalog/embeddings/withQueryCache'
import type { VectorSide } from '../../src/main/catalog/HybridCatalogSearch'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { buildAgentCatalog, type Catalog } from '../../src/main/catalog/openAgentCatalog'
import { runAgentTool } from '../../src/main/catalog/runAgentTool'
import { passageDocuments, productDocuments } from '../../src/main/catalog/vectorDocuments'
import { VectorCorpusIndex } from '../../src/main/catalog/VectorCorpusIndex'
import type { Product } from '../../src/shared/catalog/catalogSchemas'
import { seededRandom } from '../generate/syntheticSessions'
import { loadRagEvalSet } from '../eval/ragEvalSet'

// npm run bench:rag [-- --sizes 25,1000,10000,50000]: the agent's search tools, round trip
// inside main (validate the model's arguments → embed the query → search → serialise), lexical
// and hybrid, at the shipped catalog and generated ones; index build, size, load and memory.
const sizeArg = process.argv.indexOf('--sizes')
const sizes =
  sizeArg > 0 ? process.argv[sizeArg + 1]!.split(',').map(Number) : [25, 1_000, 10_000, 50_000]
const CALLS = 2_000
const WARMUP = 200
// Catalogs up to this size are embedded for real; larger ones reuse real vectors (see below).
const EMBEDDED_FOR_REAL = 1_000

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

/**
 * Above EMBEDDED_FOR_REAL products, embedding every generated product would take many minutes
 * on the offline model, and a query's cost depends only on the item count and dimensions. So
 * each generated product gets its base product's real vector plus seeded noise; queries are
 * still embedded by the real model. Build times there are extrapolated (and labelled so).
 */
function reusedVectors(real: EmbeddingProvider, products: Product[]): EmbeddingProvider {
  const byText = new Map<string, number[]>()
  return {
    id: real.id,
    dimensions: real.dimensions,
    async embed(texts) {
      if (texts.length === 1 && !byText.size) return real.embed(texts)
      if (!byText.size) {
        const baseVectors = await real.embed(productDocuments(sources.products).map((d) => d.text))
        const random = seededRandom(products.length)
        productDocuments(products).forEach((doc, i) => {
          const base = baseVectors[i % baseVectors.length]!
          byText.set(
            doc.text,
            base.map((v) => v + (random() - 0.5) * 0.02)
          )
        })
      }
      return Promise.all(texts.map(async (t) => byText.get(t) ?? (await real.embed([t]))[0]!))
    }
  }
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (x: number): string => x.toFixed(2).padStart(7)
const folderBytes = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0)

async function roundTrips(catalog: Catalog, calls: number, warmup: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < warmup + calls; i++) {
    const q = questions[i % questions.length]!
    const t = performance.now()
    JSON.stringify(await runAgentTool(catalog, q.tool, JSON.stringify({ query: q.query })))
    if (i >= warmup) times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)
}

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`
)
console.log(
  'Targets: tool round trip p95 (offline provider, warm, query embedding included) ≤ 5 ms at 25 products, ≤ 20 ms at 10k\n'
)

console.log('1. Lexical only (MiniSearch + es/fr glossary): search_products + search_policies')
console.log('products  build ms  heap MB   p50 ms  p95 ms  p99 ms')
for (const size of sizes) {
  const products = catalogOf(size)
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const started = performance.now()
  const catalog = buildAgentCatalog({ ...sources, products })
  const buildMs = performance.now() - started
  global.gc?.()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
  const times = await roundTrips(catalog, CALLS, WARMUP)
  console.log(
    `${String(size).padStart(8)} ${buildMs.toFixed(0).padStart(9)} ${heapMb.toFixed(1).padStart(8)} ` +
      `${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(percentile(times, 99))}`
  )
}

const offline = new OfflineEmbeddings()
let t = performance.now()
await offline.embed(['warm up the model'])
const loadMs = performance.now() - t
const docs = productDocuments(sources.products).map((d) => d.text)
await offline.embed(docs.slice(0, 4))
t = performance.now()
await offline.embed(docs)
const perDocMs = (performance.now() - t) / docs.length
const single: number[] = []
for (const q of questions.slice(0, 30)) {
  t = performance.now()
  await offline.embed([q.query])
  single.push(performance.now() - t)
}
single.sort((a, b) => a - b)
console.log(
  `\n2. Offline embeddings (${offline.id}): model load ${loadMs.toFixed(0)} ms; ` +
    `indexing ${perDocMs.toFixed(1)} ms per product (batched); one query ` +
    `p50 ${percentile(single, 50).toFixed(1)} ms, p95 ${percentile(single, 95).toFixed(1)} ms`
)

console.log(
  '\n3. Hybrid (lexical + vectra vectors, RRF), offline provider, query embedding included'
)
console.log(
  'products  build s  disk MB  load ms  heap MB   new questions p50/p95 ms   repeated p50/p95/p99 ms'
)
for (const size of sizes) {
  const products = catalogOf(size)
  const root = mkdtempSync(join(tmpdir(), 'voice-console-rag-bench-'))
  const real = size <= EMBEDDED_FOR_REAL
  const provider = real ? offline : reusedVectors(offline, products)
  let started = performance.now()
  await new VectorCorpusIndex(root, 'products', provider).sync(productDocuments(products))
  const writeS = (performance.now() - started) / 1000
  const buildS = real ? writeS : writeS + (perDocMs * size) / 1000
  const catalog0 = buildAgentCatalog({ ...sources, products })
  await new VectorCorpusIndex(root, 'passages', offline).sync(passageDocuments(catalog0.passages))
  const diskMb = folderBytes(root) / 2 ** 20

  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const cached = withQueryCache(offline)
  const vector: VectorSide = {
    products: new VectorCorpusIndex(root, 'products', cached),
    passages: new VectorCorpusIndex(root, 'passages', cached)
  }
  started = performance.now()
  await vector.products.size()
  await vector.passages.size()
  const loadMs = performance.now() - started
  global.gc?.()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
  const catalog = buildAgentCatalog({ ...sources, products }, () => vector)

  // First pass: every question new to the query cache (a caller's fresh question).
  const fresh = await roundTrips(catalog, questions.length, 0)
  // Then the same questions again: the query embeddings come from the cache.
  const repeated = await roundTrips(catalog, CALLS, WARMUP)
  console.log(
    `${String(size).padStart(8)} ${(buildS.toFixed(1) + (real ? ' ' : '*')).padStart(8)} ` +
      `${diskMb.toFixed(1).padStart(8)} ${loadMs.toFixed(0).padStart(8)} ${heapMb.toFixed(1).padStart(8)}` +
      `   ${ms(percentile(fresh, 50))} ${ms(percentile(fresh, 95))}       ` +
      `${ms(percentile(repeated, 50))} ${ms(percentile(repeated, 95))} ${ms(percentile(repeated, 99))}`
  )
  rmSync(root, { recursive: true, force: true })
}
console.log(
  `\n* extrapolated: generated catalogs above ${EMBEDDED_FOR_REAL} products reuse real vectors with noise;` +
    ' build = measured write + products × measured per-product embedding time.'
)
console.log(
  'Heap is after a GC when run with --expose-gc (npm run bench:rag does). vectra keeps one JSON file\n' +
    "per index, which cannot exceed V8's ~512 MB string limit: divide it by disk MB per product above\n" +
    'for the largest catalog one index holds.'
)
