import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { OrderRow, ProductRow } from '../../shared/catalog/catalogSchemas'
import type { ImportIssue } from '../../shared/sessions/importIssues'
import { withCatalogCode } from './catalogIssueCodes'
import {
  CATALOG_FILES,
  CatalogSourceError,
  ORDER_COLUMNS,
  ORDER_KEYS,
  PRODUCT_COLUMNS,
  PRODUCT_KEYS,
  parseCatalogCsv,
  parseKnowledgeBase,
  validateCatalogRecords,
  type CatalogSourceKind
} from './loadCatalogSources'

export type CatalogImportOutcome =
  | { status: 'imported'; kind: CatalogSourceKind; fileName: string; count: number }
  | { status: 'invalid'; kind: CatalogSourceKind; fileName: string; issues: ImportIssue[] }

// Catalog files are small (25 products ship); this bounds memory for a wrong pick.
const MAX_BYTES = 64 * 1024 * 1024

/**
 * Validates a user's catalog file (products or orders as CSV or a JSON array; the knowledge
 * base as JSON) completely, and only then stores it in `overrideDir`, where it replaces the
 * shipped source. All or nothing: the write is a temp file renamed over the old copy, so a
 * crash leaves either the previous file or the new one.
 */
export function importCatalogFile(
  kind: CatalogSourceKind,
  path: string,
  overrideDir: string
): CatalogImportOutcome {
  const fileName = basename(path)
  const invalid = (issues: ImportIssue[]): CatalogImportOutcome => ({
    status: 'invalid',
    kind,
    fileName,
    issues: issues.map(withCatalogCode)
  })
  const size = statSync(path).size
  if (size > MAX_BYTES)
    return invalid([
      {
        row: 0,
        column: '*',
        reason: `file too large (${size} bytes; limit ${MAX_BYTES})`,
        code: 'catalogFileTooLarge',
        params: { size, limit: MAX_BYTES }
      }
    ])
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  const format = extname(path).toLowerCase() === '.csv' ? 'csv' : 'json'
  try {
    const { stored, count } = validate(kind, format, text, fileName)
    mkdirSync(overrideDir, { recursive: true, mode: 0o700 })
    const target = join(overrideDir, CATALOG_FILES[kind])
    const temporary = `${target}.${process.pid}.tmp`
    writeFileSync(temporary, stored, { mode: 0o600 })
    renameSync(temporary, target)
    return { status: 'imported', kind, fileName, count }
  } catch (error) {
    if (error instanceof CatalogSourceError) return invalid(error.issues)
    if (error instanceof SyntaxError)
      return invalid([
        {
          row: 0,
          column: '*',
          reason: `not valid JSON: ${error.message}`,
          code: 'catalogNotJson',
          params: { detail: error.message }
        }
      ])
    throw error
  }
}

function validate(
  kind: CatalogSourceKind,
  format: 'csv' | 'json',
  text: string,
  fileName: string
): { stored: string; count: number } {
  if (kind === 'knowledge') {
    if (format === 'csv')
      throw new CatalogSourceError(fileName, [
        {
          row: 0,
          column: '*',
          reason: 'the knowledge base is a JSON file (sections, faqs, product_guides)',
          code: 'catalogKnowledgeNeedsJson'
        }
      ])
    const knowledge = parseKnowledgeBase(fileName, JSON.parse(text))
    const count =
      Object.keys(knowledge.sections).length +
      knowledge.faqs.length +
      knowledge.product_guides.length
    return { stored: `${JSON.stringify(knowledge, null, 2)}\n`, count }
  }
  const [schema, columns, keys] =
    kind === 'products'
      ? [ProductRow, PRODUCT_COLUMNS, PRODUCT_KEYS]
      : [OrderRow, ORDER_COLUMNS, ORDER_KEYS]
  if (format === 'csv') {
    const rows = parseCatalogCsv(fileName, text, schema, columns, keys)
    return { stored: text, count: rows.length }
  }
  const records = jsonRecords(fileName, JSON.parse(text), columns)
  validateCatalogRecords(fileName, records, schema, keys, 1)
  // Stored as CSV in the shipped file's column order, so every source has one reader.
  return {
    stored: stringify(records, { header: true, columns: [...columns] }),
    count: records.length
  }
}

/** A JSON array of objects, with each value as the text a CSV cell would hold; item 1 first. */
function jsonRecords(
  fileName: string,
  json: unknown,
  columns: readonly string[]
): Record<string, string>[] {
  if (!Array.isArray(json))
    throw new CatalogSourceError(fileName, [
      {
        row: 0,
        column: '*',
        reason: 'expected a JSON array of objects, one per row',
        code: 'catalogExpectedArray'
      }
    ])
  const issues: ImportIssue[] = []
  const records = json.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push({
        row: index + 1,
        column: '*',
        reason: 'not an object',
        code: 'catalogNotAnObject'
      })
      return {}
    }
    const record: Record<string, string> = {}
    for (const column of columns) {
      const value = (item as Record<string, unknown>)[column]
      if (value === undefined || value === null) record[column] = ''
      else if (typeof value === 'object')
        issues.push({
          row: index + 1,
          column,
          reason: 'expected a text, number or boolean',
          code: 'catalogExpectedScalar'
        })
      else record[column] = String(value)
    }
    return record
  })
  if (issues.length) throw new CatalogSourceError(fileName, issues)
  return records
}
