import { rankOf, RankedAnswer } from '../../src/shared/catalog/retrievalMetrics'
import type { RagEvalItem } from './ragEvalSet'

export const EVAL_RESULTS = 10

/** A retrieval variant: the ids it returns for a question, best first. */
export type SearchVariant = (item: RagEvalItem) => Promise<string[]> | string[]

/** Each question's rank of the first expected id in the top EVAL_RESULTS, grouped by language. */
export async function evaluateSearch(
  search: SearchVariant,
  items: readonly RagEvalItem[]
): Promise<(RankedAnswer & { item: RagEvalItem })[]> {
  const answers = []
  for (const item of items) {
    const ids = (await search(item)).slice(0, EVAL_RESULTS)
    answers.push({ group: item.lang, rank: rankOf(ids, item.expected), item })
  }
  return answers
}
