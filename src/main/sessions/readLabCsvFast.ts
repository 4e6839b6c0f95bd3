import { closeSync, fstatSync, openSync } from 'node:fs'
import { FastLabCsvReader, type LabCsvRowSink } from './fastLabCsvReader'
import { LabCsvByteFeed } from './labCsvByteFeed'
import { READ_BYTES, type LabCsvSummary } from './labCsvSummary'

export type { LabCsvRowSink } from './fastLabCsvReader'

/**
 * readLabCsv's result for a file that has no problem, or undefined: then the caller must forget
 * what the sink received and read the file with readLabCsv, which reports exactly as ever.
 *
 * The fast reader only vouches for files readLabCsv would accept, and gives up on anything else:
 * any row problem, a duplicate id, a header problem, quoting Papa Parse would call malformed, a
 * UTF-16 file, a row longer than MAX_ROW_CHARS bytes, an unreadable file.
 * It splits the bytes as readLabCsv's Papa Parse splits the text (CsvRowScanner): rows at the
 * newline the first line ends with (LF or CRLF), fields at the separator the header uses most
 * (comma, semicolon or tab), quoted fields with doubled quotes, separators and newlines inside.
 * Rows whose lab fields are plain ASCII in the shapes below (digits, known category values, the
 * boolean words; quoted or not) are read straight from the bytes; any other row is decoded into
 * strings, as Papa Parse would give it, and goes through the same LabRowValidator as readLabCsv.
 * Rows are numbered, blank lines counted and warnings collected exactly as there.
 */
export function readLabCsvFast(
  path: string,
  sink: LabCsvRowSink,
  readBytes = READ_BYTES
): LabCsvSummary | undefined {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return undefined
  }
  try {
    const reader = new FastLabCsvReader(sink, fstatSync(fd).size)
    return new LabCsvByteFeed(fd, readBytes).run(reader) === 'end' ? reader.finish() : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}
