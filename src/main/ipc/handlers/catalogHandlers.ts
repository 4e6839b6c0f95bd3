import type { HandlersFor } from '../../../shared/ipc/route'
import { catalogRoutes } from '../../../shared/ipc/routes/catalogRoutes'
import type { Catalog } from '../../catalog/openAgentCatalog'
import { runAgentTool } from '../../catalog/runAgentTool'

export function catalogHandlers(catalog: Catalog): HandlersFor<typeof catalogRoutes> {
  return {
    'catalog.search': async ({ query, k }) => {
      const started = performance.now()
      const productHits = catalog.search.searchProducts(query, {}, k)
      const passageHits = catalog.search.searchPolicies(query, k)
      return {
        products: productHits.map(({ product: p, score }) => ({
          sku: p.sku,
          name: p.name,
          category: p.category,
          price_usd: p.price,
          in_stock: p.in_stock,
          score
        })),
        passages: passageHits.map(({ passage, score }) => ({ ...passage, score })),
        ms: performance.now() - started
      }
    },
    'catalog.products': async () =>
      catalog.products.map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        category: p.category,
        subcategory: p.subcategory,
        price_usd: p.price,
        in_stock: p.in_stock,
        rating: p.rating
      })),
    'catalog.runTool': async ({ name, arguments: args }) => {
      const started = performance.now()
      const result = runAgentTool(catalog, name, args)
      return { ...result, ms: performance.now() - started }
    }
  }
}
