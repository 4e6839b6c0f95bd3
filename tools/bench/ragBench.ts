import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { offlineEmbeddings } from '../../src/main/catalog/embeddings/offlineEmbeddings'
import { SentenceEncoderEmbeddings } from '../../src/main/catalog/embeddings/SentenceEncoderEmbeddings'
import { meaningfulWords } from '../../src/main/catalog/embeddings/WordVectorTable'
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

// The sentence model alone, as the teacher and for comparison: what one query would cost on it.
const teacher = new SentenceEncoderEmbeddings()
let t = performance.now()
await teacher.embed(['warm up the model'])
const loadMs = performance.now() - t
const teacherQueries: number[] = []
for (const q of questions.slice(0, 30)) {
  t = performance.now()
  await teacher.embedQuery(q.query)
  teacherQueries.push(performance.now() - t)
}
teacherQueries.sort((a, b) => a - b)

// The provider the app uses: word vectors distilled from it, learned once and kept on disk.
const cacheRoot = mkdtempSync(join(tmpdir(), 'voice-console-rag-bench-words-'))
t = performance.now()
const offline = offlineEmbeddings({ indexRoot: cacheRoot, teacher })
await offline.embedQuery('distil the base vocabulary')
const distilMs = performance.now() - t
const docs = productDocuments(sources.products).map((d) => d.text)
t = performance.now()
await offline.prepare!(docs)
const learnMs = performance.now() - t
t = performance.now()
await offline.embed(docs)
const perDocMs = (performance.now() - t) / docs.length
t = performance.now()
const reopened = offlineEmbeddings({ indexRoot: cacheRoot, teacher })
await reopened.embedQuery('read the table back')
const reopenMs = performance.now() - t
// A question's words the table lacks are learned in the background: time that, then questions.
const distinctWords = new Set(questions.flatMap((q) => meaningfulWords(q.query))).size
t = performance.now()
for (const q of questions) await offline.embedQuery(q.query)
await offline.idle()
const learnQuestionsMs = performance.now() - t
const queries: number[] = []
for (let round = 0; round < 10; round++)
  for (const q of questions) {
    t = performance.now()
    await offline.embedQuery(q.query)
    queries.push(performance.now() - t)
  }
queries.sort((a, b) => a - b)
console.log(
  `\n2. Offline embeddings: ${teacher.id} (the teacher) loads in ${loadMs.toFixed(0)} ms, one query ` +
    `p50 ${percentile(teacherQueries, 50).toFixed(1)} ms, p95 ${percentile(teacherQueries, 95).toFixed(1)} ms.\n` +
    `   ${offline.id} (what the tools use): base vocabulary distilled in ${(distilMs / 1000).toFixed(1)} s ` +
    `(once per install), the shipped catalog's new words in ${learnMs.toFixed(0)} ms, table read back in ` +
    `${reopenMs.toFixed(0)} ms (${(folderBytes(cacheRoot) / 2 ** 20).toFixed(1)} MB); a product ` +
    `${perDocMs.toFixed(2)} ms; the ${questions.length} eval questions (${distinctWords} distinct ` +
    `words) asked once, their unknown words learned in the background: ${learnQuestionsMs.toFixed(0)} ms; ` +
    `then one query p50 ${percentile(queries, 50).toFixed(3)} ms, p95 ${percentile(queries, 95).toFixed(3)} ms`
)

console.log(
  `\n3. Hybrid (lexical + vectra vectors, RRF), offline provider (${offline.id}), query embedding included`
)
console.log(
  'products  build s  disk MB  load ms  heap MB   first asked p50/p95 ms   warm p50/p95/p99 ms' +
    '   vectors on every question p50/p95/p99 ms'
)
for (const size of sizes) {
  const products = catalogOf(size)
  const root = mkdtempSync(join(tmpdir(), 'voice-console-rag-bench-'))
  let started = performance.now()
  try {
    await new VectorCorpusIndex(root, 'products', offline).sync(productDocuments(products))
  } catch (error) {
    // vectra writes the index as one JSON string: past V8's limit the write fails.
    console.log(`${String(size).padStart(8)}  does not fit one vectra index: ${String(error)}`)
    rmSync(root, { recursive: true, force: true })
    continue
  }
  const buildS = (performance.now() - started) / 1000
  const catalog0 = buildAgentCatalog({ ...sources, products })
  await new VectorCorpusIndex(root, 'passages', offline).sync(passageDocuments(catalog0.passages))
  const diskMb = folderBytes(root) / 2 ** 20

  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const vector: VectorSide = {
    products: new VectorCorpusIndex(root, 'products', offline),
    passages: new VectorCorpusIndex(root, 'passages', offline)
  }
  started = performance.now()
  await vector.products.size()
  await vector.passages.size()
  const loadMs = performance.now() - started
  global.gc?.()
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
  const catalog = buildAgentCatalog({ ...sources, products }, () => vector)

  // Each question the first time it is asked of this catalog, then round after round (warm).
  const first = await roundTrips(catalog, questions.length, 0)
  const warm = await roundTrips(catalog, CALLS, WARMUP)
  // The tools embed only questions lexical search is unsure of; this is every question embedded.
  const always = await roundTrips(
    buildAgentCatalog({ ...sources, products }, () => vector, 'always'),
    CALLS,
    WARMUP
  )
  console.log(
    `${String(size).padStart(8)} ${buildS.toFixed(1).padStart(8)} ` +
      `${diskMb.toFixed(1).padStart(8)} ${loadMs.toFixed(0).padStart(8)} ${heapMb.toFixed(1).padStart(8)}` +
      `   ${ms(percentile(first, 50))} ${ms(percentile(first, 95))}      ` +
      `${ms(percentile(warm, 50))} ${ms(percentile(warm, 95))} ${ms(percentile(warm, 99))}   ` +
      `${ms(percentile(always, 50))} ${ms(percentile(always, 95))} ${ms(percentile(always, 99))}`
  )
  rmSync(root, { recursive: true, force: true })
}
rmSync(cacheRoot, { recursive: true, force: true })
console.log(
  'Heap is after a GC when run with --expose-gc (npm run bench:rag does). vectra keeps one JSON file\n' +
    "per index, which cannot exceed V8's ~512 MB string limit: divide it by disk MB per product above\n" +
    'for the largest catalog one index holds.'
)
