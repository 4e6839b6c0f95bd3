/** The field separators a lab CSV may use: comma, semicolon (Excel in es/fr locales), tab. */
export type CsvSeparator = ',' | ';' | '\t'

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t']

/**
 * The separator of a file, from its header line: the one of , ; TAB that occurs most often
 * outside quotes (comma on a tie or when none occurs). The lab's header has ten of them, so a
 * stray semicolon in a column name cannot outvote the real separator.
 */
export function detectSeparator(headerLine: string): CsvSeparator {
  const counts = [0, 0, 0]
  let quoted = false
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i]
    if (c === '"') quoted = !quoted
    else if (!quoted) {
      const k = SEPARATORS.indexOf(c as CsvSeparator)
      if (k !== -1) counts[k]!++
    }
  }
  let best = 0
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k
  return SEPARATORS[best]!
}

/** How a separator is named in messages. */
export const separatorName = (separator: CsvSeparator): string =>
  separator === '\t' ? 'tab' : separator === ';' ? 'semicolon' : 'comma'

/**
 * The encoding a file's first bytes announce: UTF-16 with its byte-order mark (Excel's "Unicode
 * text"), else UTF-8 (with or without its BOM). Undefined while fewer than 2 bytes are known.
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): CsvEncoding | undefined {
  if (head.length < 2) return complete ? 'utf-8' : undefined
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}
