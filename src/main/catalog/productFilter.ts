import type { Product } from '../../shared/catalog/catalogSchemas'
import { foldText } from '../../shared/catalog/outdoorGlossary'

export interface ProductFilter {
  category?: string
  maxPrice?: number
  inStockOnly?: boolean
}

export const hasFilter = (filter: ProductFilter): boolean =>
  filter.category !== undefined || filter.maxPrice !== undefined || filter.inStockOnly === true

/** Category matches the category or subcategory, accent- and case-folded. */
export function matchesFilter(product: Product, filter: ProductFilter): boolean {
  const category = filter.category && foldText(filter.category)
  return (
    (!category ||
      foldText(product.category) === category ||
      foldText(product.subcategory) === category) &&
    (filter.maxPrice === undefined || product.price <= filter.maxPrice) &&
    (!filter.inStockOnly || product.in_stock)
  )
}
