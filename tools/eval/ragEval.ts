import { resolve } from 'node:path'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { retrievalScores } from '../../src/shared/catalog/retrievalMetrics'
import { EVAL_RESULTS, evaluateSearch } from './evaluateSearch'
import { loadRagEvalSet } from './ragEvalSet'
import { lexicalVariant, vectorVariants } from './searchVariants'

// npm run eval:rag [-- --misses]: recall@1, recall@3 and MRR of catalog search on the caller
// questions in ragEvalSet.json, per retrieval variant and language, so each part's share shows.
const sources = loadCatalogSources(resolve('resources'))
const items = loadRagEvalSet()
const variants = {
  'lexical only': lexicalVariant(sources, false),
  'lexical + es/fr glossary (what the tools use)': lexicalVariant(sources, true),
  ...(await vectorVariants(sources))
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`.padStart(5)
console.log(
  `${items.length} questions (top ${EVAL_RESULTS}); columns: n, recall@1, recall@3, MRR\n`
)
for (const [name, search] of Object.entries(variants)) {
  const answers = await evaluateSearch(search, items)
  console.log(name)
  for (const [group, s] of Object.entries(retrievalScores(answers)))
    console.log(
      `  ${group.padEnd(4)} ${String(s.questions).padStart(3)}  ${pct(s.recallAt1)}  ${pct(s.recallAt3)}  ${s.mrr.toFixed(2)}`
    )
  if (process.argv.includes('--misses'))
    for (const a of answers.filter((a) => a.rank === null || a.rank > 3))
      console.log(`    miss (rank ${a.rank ?? '-'}): [${a.item.lang}] ${a.item.query}`)
  console.log()
}
