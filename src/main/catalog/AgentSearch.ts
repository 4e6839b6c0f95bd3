import type { Product } from '../../shared/catalog/catalogSchemas'
import type { PolicyPassage } from './policyPassages'
import type { ProductFilter } from './productFilter'

export interface ProductHit {
  product: Product
  score: number
}

export interface PassageHit {
  passage: PolicyPassage
  score: number
}

/** What the agent's search tools query: lexical only, or lexical fused with vectors. */
export interface AgentSearch {
  readonly mode: 'lexical' | 'hybrid'
  searchProducts(query: string, filter: ProductFilter, k: number): Promise<ProductHit[]>
  searchPolicies(query: string, k: number): Promise<PassageHit[]>
}
