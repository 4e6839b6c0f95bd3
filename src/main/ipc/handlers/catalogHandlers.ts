import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { HandlersFor } from '../../../shared/ipc/route'
import { catalogRoutes } from '../../../shared/ipc/routes/catalogRoutes'
import { FAILED_REASONS } from '../../../shared/ipc/result'
import type { CatalogService } from '../../catalog/CatalogService'
import type { CatalogSourceKind } from '../../catalog/loadCatalogSources'
import type { FileDialogs } from '../../dialogs/FileDialogs'

export interface CatalogHandlerDeps {
  catalog: CatalogService
  dialogs: FileDialogs
}

// A rejected file lists this many problems; the count says how many there were in all.
const LISTED_ISSUES = 200

export function catalogHandlers(deps: CatalogHandlerDeps): HandlersFor<typeof catalogRoutes> {
  const { catalog } = deps
  // Tokens stand for paths picked in main's dialog: the renderer never names a path.
  const picked = new Map<string, { kind: CatalogSourceKind; path: string }>()
  return {
    'catalog.search': async ({ query, k }) => {
      const started = performance.now()
      const { search } = catalog.current
      const [productHits, passageHits] = await Promise.all([
        search.searchProducts(query, {}, k),
        search.searchPolicies(query, k)
      ])
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
        ms: performance.now() - started,
        retrieval: search.mode
      }
    },
    'catalog.products': async () =>
      catalog.current.products.map((p) => ({
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
      const result = await catalog.runTool(name, args)
      return { ...result, ms: performance.now() - started }
    },
    'catalog.status': async () => catalog.status(),
    'catalog.reindex': async ({ full }) => catalog.reindex(full),
    'catalog.pickImportFile': async ({ kind }) => {
      const path = await deps.dialogs.pickCatalogFileToOpen(kind)
      if (!path) return null
      const token = randomUUID()
      picked.set(token, { kind, path })
      return { token, fileName: basename(path) }
    },
    'catalog.import': async ({ token }) => {
      const choice = picked.get(token)
      if (!choice) throw new Error(FAILED_REASONS.fileNoLongerSelected)
      picked.delete(token)
      const outcome = await catalog.import(choice.kind, choice.path)
      if (outcome.status === 'imported') return outcome
      return {
        ...outcome,
        issues: outcome.issues.slice(0, LISTED_ISSUES),
        totalIssues: outcome.issues.length
      }
    }
  }
}
