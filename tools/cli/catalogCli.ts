import { resolve } from 'node:path'
import { CatalogLookups } from '../../src/main/catalog/CatalogLookups'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { runAgentTool } from '../../src/main/catalog/runAgentTool'
import { agentToolDefinitions } from '../../src/shared/catalog/agentTools'

const USAGE = `Usage: npm run catalog -- tool NAME 'JSON_ARGS' [--resources DIR]

Runs one of the voice agent's catalog tools on the shipped catalog and prints exactly what the
model would receive, with the time it took. Tools: ${agentToolDefinitions.map((t) => t.name).join(', ')}.
Example: npm run catalog -- tool lookup_order '{"order_id":"ORD-2024-0001"}'
`

/** Returns the exit code: 0 answered (also when the tool answers with an error), 64 usage. */
export function runCatalogCli(
  argv: string[],
  io: { out: (t: string) => void; err: (t: string) => void }
): number {
  const at = argv.indexOf('--resources')
  const resources = resolve(at >= 0 ? (argv[at + 1] ?? '') : 'resources')
  const args = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv
  const [command, name, json] = args
  if (command !== 'tool' || !name || json === undefined || args.length !== 3) {
    io.err(USAGE)
    return 64
  }
  const lookups = (() => {
    const sources = loadCatalogSources(resources)
    return new CatalogLookups(sources.products, sources.orders)
  })()
  const started = performance.now()
  const result = runAgentTool(lookups, name, json)
  const ms = performance.now() - started
  io.out(`${JSON.stringify(result, null, 2)}\n`)
  io.err(`${name}: ${ms.toFixed(2)} ms\n`)
  return 0
}
