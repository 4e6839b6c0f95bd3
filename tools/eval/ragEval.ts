import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { offlineEmbeddings } from '../../src/main/catalog/embeddings/offlineEmbeddings'
import { OpenAIEmbeddings } from '../../src/main/catalog/embeddings/OpenAIEmbeddings'
import { SentenceEncoderEmbeddings } from '../../src/main/catalog/embeddings/SentenceEncoderEmbeddings'
import { loadCatalogSources } from '../../src/main/catalog/loadCatalogSources'
import { retrievalScores } from '../../src/shared/catalog/retrievalMetrics'
import { EVAL_RESULTS, evaluateSearch } from './evaluateSearch'
import { loadRagEvalSet } from './ragEvalSet'
import { lexicalVariant, vectorVariants } from './searchVariants'

// npm run eval:rag [-- --provider offline|use-lite|openai] [--misses]: recall@1, recall@3 and
// MRR of catalog search on the caller questions in ragEvalSet.json, per retrieval variant and
// language, so each part's share shows. offline: the word vectors the app uses; use-lite: the
// sentence model they are distilled from, run on every text. The OpenAI provider reads OPENAI_API_KEY (and
// OPENAI_BASE_URL for a compatible endpoint) and OPENAI_EMBEDDING_DIMENSIONS (default 512).
const { values } = parseArgs({
  options: { provider: { type: 'string', default: 'offline' }, misses: { type: 'boolean' } }
})
const embeddings =
  values.provider === 'openai'
    ? new OpenAIEmbeddings({
        apiKey: () => process.env['OPENAI_API_KEY'],
        baseURL: process.env['OPENAI_BASE_URL'],
        dimensions: Number(process.env['OPENAI_EMBEDDING_DIMENSIONS'] ?? 512)
      })
    : values.provider === 'use-lite'
      ? new SentenceEncoderEmbeddings()
      : // A question's unknown words are not learned: each question is scored as if first asked.
        offlineEmbeddings({ learnFromQueries: false })
const sources = loadCatalogSources(resolve('resources'))
const items = loadRagEvalSet()
const variants = {
  'lexical only': lexicalVariant(sources, false),
  'lexical + es/fr glossary (the tools without vectors)': lexicalVariant(sources, true),
  ...(await vectorVariants(sources, embeddings))
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
  if (values.misses)
    for (const a of answers.filter((a) => a.rank === null || a.rank > 3))
      console.log(`    miss (rank ${a.rank ?? '-'}): [${a.item.lang}] ${a.item.query}`)
  console.log()
}
