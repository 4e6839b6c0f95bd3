import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCatalogFile } from '../../../src/main/catalog/importCatalogFile'
import type { CatalogSourceKind } from '../../../src/main/catalog/loadCatalogSources'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import { useTempDir } from '../../support/tempDir'

// Each catalog problem a user can hit comes back with the code (and params) the UI translates,
// whichever validator found it: the zod row schemas, the CSV reader, or the import itself.

const PRODUCTS = 'id,name,category,subcategory,price,in_stock,sku,description,weight_kg,rating'
const product = (cells: Partial<Record<string, string>> = {}): string => {
  const row = {
    id: 'P1',
    name: 'Boot',
    category: 'footwear',
    subcategory: 'boots',
    price: '10',
    in_stock: 'true',
    sku: 'B-1',
    description: 'A boot',
    weight_kg: '1',
    rating: '4',
    ...cells
  }
  return PRODUCTS.split(',')
    .map((column) => row[column as keyof typeof row])
    .join(',')
}
const ORDERS =
  'order_id,customer_id,customer_name,product_sku,product_name,quantity,unit_price,total,order_date,status,shipping_method,tracking_number'
const order = (quantity: string, date: string): string =>
  `O1,C1,Ann,B-1,Boot,${quantity},10,10,${date},delivered,standard,`

describe('catalog import problems carry the code the UI translates', () => {
  const tmp = useTempDir()
  const issues = (kind: CatalogSourceKind, name: string, text: string): ImportIssue[] => {
    const outcome = importCatalogFile(kind, tmp.write(name, text), join(tmp.path(), 'out'))
    if (outcome.status !== 'invalid') throw new Error(`${name} was accepted`)
    return outcome.issues
  }
  const codes = (list: ImportIssue[]) =>
    list.map(({ row, column, code }) => ({ row, column, code }))

  it('names each bad product cell', () => {
    const rows = [
      product({ name: ' ', price: 'cheap', in_stock: 'maybe' }),
      product({ id: 'P2', sku: 'B-2', weight_kg: '-1', rating: '5.5' }),
      product({ id: 'P3', sku: 'B-3', rating: '-1' }),
      product({ id: 'p1', sku: 'B-4' })
    ]
    expect(codes(issues('products', 'p.csv', [PRODUCTS, ...rows].join('\n')))).toEqual([
      { row: 2, column: 'name', code: 'emptyValue' },
      { row: 2, column: 'price', code: 'catalogNotANumber' },
      { row: 2, column: 'in_stock', code: 'catalogNotABoolean' },
      { row: 3, column: 'weight_kg', code: 'catalogNegative' },
      { row: 3, column: 'rating', code: 'catalogRatingAbove5' },
      { row: 4, column: 'rating', code: 'catalogRatingBelow0' },
      { row: 5, column: 'id', code: 'catalogDuplicateOfRow' }
    ])
    expect(issues('products', 'p.csv', [PRODUCTS, product(), product()].join('\n'))).toContainEqual(
      {
        row: 3,
        column: 'id',
        reason: 'duplicate of row 2',
        code: 'catalogDuplicateOfRow',
        params: { row: 2 }
      }
    )
  })

  it('names bad order quantities and dates, and missing columns', () => {
    const text = [ORDERS, order('1.5', '2024-11-15'), order('0', '15/11/2024')].join('\n')
    expect(
      codes(
        issues(
          'orders',
          'o.csv',
          text.replace(/O1/g, (_, at: number) => `O${at}`)
        )
      )
    ).toEqual([
      { row: 2, column: 'quantity', code: 'catalogNotWholeNumber' },
      { row: 3, column: 'quantity', code: 'catalogAtLeastOne' },
      { row: 3, column: 'order_date', code: 'catalogNotADate' }
    ])
    expect(codes(issues('orders', 'o.csv', `${ORDERS.replace(',status', '')}\n`))).toEqual([
      { row: 1, column: 'status', code: 'missingColumn' }
    ])
  })

  it('names rows with too few or too many fields, with both counts', () => {
    const text = [PRODUCTS, product().replace(/,4$/, ''), `${product({ id: 'P2', sku: 'B-2' })},x`]
    expect(issues('products', 'p.csv', text.join('\n')).filter((i) => i.column === '*')).toEqual([
      {
        row: 2,
        column: '*',
        reason: 'Too few fields: expected 10 fields but parsed 9',
        code: 'catalogTooFewFields',
        params: { expected: 10, parsed: 9 }
      },
      {
        row: 3,
        column: '*',
        reason: 'Too many fields: expected 10 fields but parsed 11',
        code: 'catalogTooManyFields',
        params: { expected: 10, parsed: 11 }
      }
    ])
  })

  it('names JSON files that are not a list of flat objects', () => {
    expect(codes(issues('products', 'p.json', '{"id":"P1"}'))).toEqual([
      { row: 0, column: '*', code: 'catalogExpectedArray' }
    ])
    expect(codes(issues('products', 'p.json', '["P1", {"id": {"nested": 1}}]'))).toEqual([
      { row: 1, column: '*', code: 'catalogNotAnObject' },
      { row: 2, column: 'id', code: 'catalogExpectedScalar' }
    ])
    const [notJson] = issues('knowledge', 'kb.json', '{"sections":')
    expect(notJson).toMatchObject({
      code: 'catalogNotJson',
      params: { detail: expect.any(String) }
    })
    expect(notJson?.reason).toBe(`not valid JSON: ${notJson?.params?.detail}`)
    expect(codes(issues('knowledge', 'kb.csv', 'a,b\n1,2\n'))).toEqual([
      { row: 0, column: '*', code: 'catalogKnowledgeNeedsJson' }
    ])
  })

  it('names a file too large to read, with its size and the limit', () => {
    const path = join(tmp.path(), 'huge.csv')
    writeFileSync(path, '')
    truncateSync(path, 64 * 1024 * 1024 + 1) // sparse: no disk used
    const outcome = importCatalogFile('products', path, join(tmp.path(), 'out'))
    expect(outcome.status === 'invalid' && outcome.issues).toEqual([
      {
        row: 0,
        column: '*',
        reason: 'file too large (67108865 bytes; limit 67108864)',
        code: 'catalogFileTooLarge',
        params: { size: 67108865, limit: 67108864 }
      }
    ])
  })

  it('leaves a problem it has no words for without a code (the UI shows its English)', () => {
    const [issue] = issues('knowledge', 'kb.json', '{"company": "X"}')
    expect(issue?.code).toBeUndefined()
    expect(issue?.reason).toMatch(/expected/)
  })
})
