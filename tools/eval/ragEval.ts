import { resolve } from 'node:path'
import { LexicalCatalogIndex } from '../../src/main/catalog/LexicalCatalogIndex'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { retrievalScores } from '../../src/shared/catalog/retrievalMetrics'
import { EVAL_RESULTS, evaluateSearch } from './evaluateSearch'
import { loadRagEvalSet } from './ragEvalSet'

// npm run eval:rag [-- --misses]: recall@1, recall@3 and MRR of catalog search on the caller
// questions in ragEvalSet.json, per retrieval variant and language, so each part's share shows.
const sources = loadCatalogSources(resolve('resources'))
const items = loadRagEvalSet()
const variants = {
  'lexical + es/fr glossary': new LexicalCatalogIndex(sources.products, sources.knowledge),
  'lexical only': new LexicalCatalogIndex(sources.products, sources.knowledge, (q) => q)
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`.padStart(5)
console.log(
  `${items.length} questions (top ${EVAL_RESULTS}); columns: n, recall@1, recall@3, MRR\n`
)
for (const [name, index] of Object.entries(variants)) {
  const answers = evaluateSearch(index, items)
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
