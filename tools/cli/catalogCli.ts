import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CatalogService, catalogIndexRoot } from '../../src/main/catalog/CatalogService'
import { offlineEmbeddings } from '../../src/main/catalog/embeddings/offlineEmbeddings'
import { openAgentCatalog, type Catalog } from '../../src/main/catalog/openAgentCatalog'
import { runAgentTool } from '../../src/main/catalog/runAgentTool'
import { agentToolDefinitions } from '../../src/shared/catalog/agentTools'

const USAGE = `Usage: npm run catalog -- search "QUERY" [--k 5] [--json] [--resources DIR] [--data-dir DIR]
       npm run catalog -- tool NAME 'JSON_ARGS' [--resources DIR] [--data-dir DIR]
       npm run catalog -- reindex --data-dir DIR [--full] [--resources DIR]

search: products and policy passages for a query, with scores. tool: runs one of the voice
        agent's tools and prints exactly what the model would receive. Both print the time
        taken on stderr. Without --data-dir: lexical search with the es/fr glossary over the
        shipped sources. With --data-dir (the app's data folder): the sources the app uses
        (imports included) and hybrid search, after bringing the vector index up to date.
reindex: updates the vector index in DIR with the offline model (--full: re-embeds all),
        printing progress on stderr.
Tools: ${agentToolDefinitions.map((t) => t.name).join(', ')}.
Example: npm run catalog -- tool lookup_order '{"order_id":"ORD-2024-0001"}'
`

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

/** Returns the exit code: 0 answered (also when a tool answers with an error), 64 usage. */
export async function runCatalogCli(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch {
    io.err(USAGE)
    return 64
  }
  const { values, positionals } = parsed
  const [command, first, second] = positionals
  const k = Number(values.k ?? 5)
  const dataDir = values['data-dir']
  const valid =
    (command === 'search' && first && positionals.length === 2 && k >= 1) ||
    (command === 'tool' && first && second !== undefined && positionals.length === 3) ||
    (command === 'reindex' && dataDir && positionals.length === 1)
  if (!valid) {
    io.err(USAGE)
    return 64
  }
  const shippedDir = resolve(values.resources ?? 'resources')
  const service =
    dataDir === undefined
      ? undefined
      : new CatalogService({
          shippedDir,
          dataDir: resolve(dataDir),
          embeddings: offlineEmbeddings({ indexRoot: catalogIndexRoot(resolve(dataDir)) }),
          onProgress: (p) => io.err(`${p.phase} ${p.done}/${p.total}\n`)
        })
  if (command === 'reindex') {
    const run = await service!.reindex(values.full)
    const { index } = service!.status()
    io.out(
      `Embedded ${run.embedded} in ${(run.ms / 1000).toFixed(1)} s; index holds ` +
        `${index.products} products and ${index.passages} passages (${index.provider}).\n`
    )
    return 0
  }
  if (!first) return 64
  if (service) {
    await service.reindex()
    await service.warmUp()
  }
  const catalog: Catalog = service?.current ?? openAgentCatalog(shippedDir)
  const started = performance.now()
  if (command === 'tool') {
    const result = await runAgentTool(catalog, first, second)
    io.err(`${first}: ${(performance.now() - started).toFixed(2)} ms\n`)
    io.out(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const products = await catalog.search.searchProducts(first, {}, k)
  const policies = await catalog.search.searchPolicies(first, k)
  io.err(`search: ${(performance.now() - started).toFixed(2)} ms\n`)
  if (values.json) {
    const result = {
      products: products.map((h) => ({ sku: h.product.sku, name: h.product.name, score: h.score })),
      policies: policies.map((h) => ({ id: h.passage.id, title: h.passage.title, score: h.score }))
    }
    io.out(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const line = (score: number, id: string, text: string): string =>
    `  ${score.toFixed(2).padStart(7)}  ${id.padEnd(18)} ${text}\n`
  io.out('Products\n')
  for (const h of products) io.out(line(h.score, h.product.sku, h.product.name))
  io.out('Policies\n')
  for (const h of policies) io.out(line(h.score, h.passage.id, h.passage.title))
  return 0
}

function parse(argv: string[]): {
  values: { k?: string; json?: boolean; resources?: string; 'data-dir'?: string; full?: boolean }
  positionals: string[]
} {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      k: { type: 'string' },
      json: { type: 'boolean' },
      resources: { type: 'string' },
      'data-dir': { type: 'string' },
      full: { type: 'boolean' }
    }
  })
}
