import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'

/**
 * `from` as a spreadsheet export writes it: every field quoted, CRLF line endings (Excel,
 * Google Sheets, pandas with quoting=QUOTE_ALL). The fields of `from` hold no quote or comma.
 */
export async function writeQuotedCrlfCopy(from: string, to: string): Promise<void> {
  const out = createWriteStream(to)
  let buffer = ''
  for await (const line of createInterface({
    input: createReadStream(from),
    crlfDelay: Infinity
  })) {
    buffer += `"${line.replaceAll(',', '","')}"\r\n`
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
}
