import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { z } from 'zod'
import {
  KnowledgeBase,
  KnowledgeBaseSchema,
  Order,
  OrderRow,
  Product,
  ProductRow
} from '../../shared/catalog/catalogSchemas'
import type { ImportIssue } from '../../shared/sessions/importIssues'

export interface CatalogSources {
  products: Product[]
  orders: Order[]
  knowledge: KnowledgeBase
}

/** A catalog file that cannot be used, with every problem located (header = row 1). */
export class CatalogSourceError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[]
  ) {
    super(
      `${file}: ${issues.length} problem(s), first: row ${issues[0]?.row}, ` +
        `${issues[0]?.column}: ${issues[0]?.reason}`
    )
  }
}

/** Parses a small CSV by header names and validates every row; all or nothing. */
export function parseCatalogCsv<S extends z.ZodType>(
  file: string,
  csv: string,
  schema: S,
  columns: readonly string[]
): z.output<S>[] {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim()
  })
  const issues: ImportIssue[] = []
  const header = parsed.meta.fields ?? []
  for (const column of columns)
    if (!header.includes(column)) issues.push({ row: 1, column, reason: 'missing column' })
  for (const error of parsed.errors)
    issues.push({ row: (error.row ?? 0) + 2, column: '*', reason: error.message })
  if (issues.length) throw new CatalogSourceError(file, issues)
  const rows = parsed.data.map((record, index) => {
    const result = schema.safeParse(record)
    if (!result.success) {
      for (const issue of result.error.issues)
        issues.push({ row: index + 2, column: String(issue.path[0] ?? '*'), reason: issue.message })
    }
    return result.data as z.output<S>
  })
  if (issues.length) throw new CatalogSourceError(file, issues)
  return rows
}

const PRODUCT_COLUMNS = Object.keys(ProductRow.shape)
const ORDER_COLUMNS = Object.keys(OrderRow.shape)

/** Loads and validates the three shipped sources from a folder (resources/ by default). */
export function loadCatalogSources(dir: string): CatalogSources {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8')
  const products = parseCatalogCsv(
    'products.csv',
    read('products.csv'),
    ProductRow,
    PRODUCT_COLUMNS
  )
  const orders = parseCatalogCsv('orders.csv', read('orders.csv'), OrderRow, ORDER_COLUMNS)
  const knowledgeJson: unknown = JSON.parse(read('knowledge-base.json'))
  const knowledge = KnowledgeBaseSchema.safeParse(knowledgeJson)
  if (!knowledge.success) {
    throw new CatalogSourceError(
      'knowledge-base.json',
      knowledge.error.issues.map((i) => ({ row: 0, column: i.path.join('.'), reason: i.message }))
    )
  }
  return { products, orders, knowledge: knowledge.data }
}
