import { existsSync, readFileSync } from 'node:fs'
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
  columns: readonly string[],
  uniqueColumns: readonly string[] = []
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
  return validateCatalogRecords(file, parsed.data, schema, uniqueColumns, 2)
}

/**
 * Validates records (CSV rows, or JSON items with their values as text) against a row schema,
 * and that key columns are unique; all or nothing. `firstRow` locates record 0 for messages.
 */
export function validateCatalogRecords<S extends z.ZodType>(
  file: string,
  records: readonly Record<string, string>[],
  schema: S,
  uniqueColumns: readonly string[],
  firstRow: number
): z.output<S>[] {
  const issues: ImportIssue[] = []
  const seen = new Map(uniqueColumns.map((column) => [column, new Map<string, number>()]))
  const rows = records.map((record, index) => {
    const row = index + firstRow
    const result = schema.safeParse(record)
    if (!result.success) {
      for (const issue of result.error.issues)
        issues.push({ row, column: String(issue.path[0] ?? '*'), reason: issue.message })
    }
    for (const [column, rowsByKey] of seen) {
      const key = String(record[column] ?? '')
        .trim()
        .toUpperCase()
      const earlier = key ? rowsByKey.get(key) : undefined
      if (earlier !== undefined) issues.push({ row, column, reason: `duplicate of row ${earlier}` })
      else if (key) rowsByKey.set(key, row)
    }
    return result.data as z.output<S>
  })
  if (issues.length) throw new CatalogSourceError(file, issues)
  return rows
}

export const PRODUCT_COLUMNS = Object.keys(ProductRow.shape)
export const ORDER_COLUMNS = Object.keys(OrderRow.shape)
export const PRODUCT_KEYS = ['id', 'sku']
export const ORDER_KEYS = ['order_id']

export const CATALOG_FILES = {
  products: 'products.csv',
  orders: 'orders.csv',
  knowledge: 'knowledge-base.json'
} as const
export type CatalogSourceKind = keyof typeof CATALOG_FILES

/** Where each source is read from: an imported copy in `overrideDir` wins over the shipped one. */
export function catalogSourcePath(
  kind: CatalogSourceKind,
  shippedDir: string,
  overrideDir?: string
): { path: string; origin: 'shipped' | 'imported' } {
  const name = CATALOG_FILES[kind]
  const imported = overrideDir && join(overrideDir, name)
  return imported && existsSync(imported)
    ? { path: imported, origin: 'imported' }
    : { path: join(shippedDir, name), origin: 'shipped' }
}

/** Validates a knowledge base (parsed JSON); problems are located by their JSON path. */
export function parseKnowledgeBase(file: string, json: unknown): KnowledgeBase {
  const knowledge = KnowledgeBaseSchema.safeParse(json)
  if (!knowledge.success) {
    throw new CatalogSourceError(
      file,
      knowledge.error.issues.map((i) => ({ row: 0, column: i.path.join('.'), reason: i.message }))
    )
  }
  return knowledge.data
}

/**
 * Loads and validates the three sources: the shipped ones (resources/), each replaced by the
 * user's imported copy when `overrideDir` holds one.
 */
export function loadCatalogSources(shippedDir: string, overrideDir?: string): CatalogSources {
  const read = (kind: CatalogSourceKind): string =>
    readFileSync(catalogSourcePath(kind, shippedDir, overrideDir).path, 'utf8')
  const products = parseCatalogCsv(
    CATALOG_FILES.products,
    read('products'),
    ProductRow,
    PRODUCT_COLUMNS,
    PRODUCT_KEYS
  )
  const orders = parseCatalogCsv(
    CATALOG_FILES.orders,
    read('orders'),
    OrderRow,
    ORDER_COLUMNS,
    ORDER_KEYS
  )
  const knowledge = parseKnowledgeBase(CATALOG_FILES.knowledge, JSON.parse(read('knowledge')))
  return { products, orders, knowledge }
}
