import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { neutraliseFormula } from '../../shared/csv/formulaGuard'
import { EXTENDED_COLUMNS, LAB_COLUMNS, StoredSession } from '../../shared/sessions/labSchema'

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return neutraliseFormula(value)
  return String(value) // numbers as JavaScript prints them (85, not 85.0); booleans true/false
}

/**
 * Writes sessions in the lab's schema (and the console's extra columns when asked), streaming,
 * LF line endings, quoting only where needed, so the pilot exports back byte for byte.
 */
export async function writeSessionsCsv(
  sessions: AsyncIterable<StoredSession>,
  path: string,
  extended: boolean
): Promise<number> {
  const columns = extended ? [...LAB_COLUMNS, ...EXTENDED_COLUMNS] : [...LAB_COLUMNS]
  let rows = 0
  const records = Readable.from(
    (async function* () {
      for await (const session of sessions) {
        rows++
        yield columns.map((c) => cell(session[c]))
      }
    })()
  )
  await pipeline(
    records,
    stringify({ header: true, columns, record_delimiter: '\n' }),
    createWriteStream(path)
  )
  return rows
}
