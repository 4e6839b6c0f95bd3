import type { LexicalCatalogIndex } from '../../src/main/catalog/LexicalCatalogIndex'
import { rankOf, RankedAnswer } from '../../src/shared/catalog/retrievalMetrics'
import type { RagEvalItem } from './ragEvalSet'

export const EVAL_RESULTS = 10

/** Each question's rank of the first expected id in the top EVAL_RESULTS, grouped by language. */
export function evaluateSearch(
  index: LexicalCatalogIndex,
  items: readonly RagEvalItem[]
): (RankedAnswer & { item: RagEvalItem })[] {
  return items.map((item) => {
    const ids =
      item.tool === 'search_products'
        ? index.searchProducts(item.query, {}, EVAL_RESULTS).map((h) => h.product.sku)
        : index.searchPolicies(item.query, EVAL_RESULTS).map((h) => h.passage.id)
    return { group: item.lang, rank: rankOf(ids, item.expected), item }
  })
}
