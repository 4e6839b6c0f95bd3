import type { Product } from '../../shared/catalog/catalogSchemas'
import type { PolicyPassage } from './policyPassages'
import type { CorpusDocument } from './VectorCorpusIndex'

/** What gets embedded per product (keyed by SKU): name first, as callers ask by name or kind. */
export const productDocuments = (products: readonly Product[]): CorpusDocument[] =>
  products.map((p) => ({
    id: p.sku,
    text: `${p.name}. ${p.category} ${p.subcategory}. ${p.description}`
  }))

/** What gets embedded per policy passage, FAQ or guide (keyed by passage id). */
export const passageDocuments = (passages: readonly PolicyPassage[]): CorpusDocument[] =>
  passages.map((p) => ({ id: p.id, text: `${p.title}. ${p.text}` }))
