import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openAgentCatalog } from '../../src/main/catalog/openAgentCatalog'
import { runAgentTool } from '../../src/main/catalog/runAgentTool'
import { agentToolDefinitions } from '../../src/shared/catalog/agentTools'

const USAGE = `Usage: npm run catalog -- search "QUERY" [--k 5] [--json] [--resources DIR]
       npm run catalog -- tool NAME 'JSON_ARGS' [--resources DIR]

search: products and policy passages for a query (lexical search with the es/fr glossary),
        with scores. tool: runs one of the voice agent's tools and prints exactly what the
        model would receive. Both print the time taken on stderr.
Tools: ${agentToolDefinitions.map((t) => t.name).join(', ')}.
Example: npm run catalog -- tool lookup_order '{"order_id":"ORD-2024-0001"}'
`

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

/** Returns the exit code: 0 answered (also when a tool answers with an error), 64 usage. */
export function runCatalogCli(argv: string[], io: Io): number {
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
  const valid =
    (command === 'search' && first && positionals.length === 2 && k >= 1) ||
    (command === 'tool' && first && second !== undefined && positionals.length === 3)
  if (!valid) {
    io.err(USAGE)
    return 64
  }
  const catalog = openAgentCatalog(resolve(values.resources ?? 'resources'))
  const started = performance.now()
  if (command === 'tool') {
    const result = runAgentTool(catalog, first, second)
    io.err(`${first}: ${(performance.now() - started).toFixed(2)} ms\n`)
    io.out(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const products = catalog.search.searchProducts(first, {}, k)
  const policies = catalog.search.searchPolicies(first, k)
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
  values: { k?: string; json?: boolean; resources?: string }
  positionals: string[]
} {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      k: { type: 'string' },
      json: { type: 'boolean' },
      resources: { type: 'string' }
    }
  })
}
