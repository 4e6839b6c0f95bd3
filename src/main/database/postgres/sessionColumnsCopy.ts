import type { SessionColumnsPart, SessionColumnVisitor } from './asyncSeam'
import { BinaryCopyRows } from './binaryCopyRows'
import { ByteKeyedValues } from './byteKeyedValues'
import type { Sql } from './sql'
import { IdBytesBuilder } from '../../reports/idBytes'

const CHUNK = 'sessions (report columns)'
/** The fields of a row: the id, the six profile texts, then the four numbers. */
const FIELDS = 11
const PROFILE_TEXTS = 6

const COLUMNS = `session_id, scenario, sentiment, language, model, source,
    substr(started_at, 1, 10), rag_used, interruptions, latency_p50_ms, latency_p95_ms`

/** Every session, in session_id order: an index scan. One statement, so one snapshot. */
const COPY_BY_ID = `COPY (SELECT ${COLUMNS} FROM sessions ORDER BY session_id)
  TO STDOUT (FORMAT binary)`

/**
 * Every session as the table lies: a sequential scan, which reads through a small ring of the
 * server's buffers. The index scan in id order moves the whole table through shared_buffers,
 * and a connection's first touch of each page of them is a page fault: on a connection just
 * opened (a console just started) that was 0.4–0.5 s of the server's time at 1M sessions.
 */
const COPY_AS_STORED = `COPY (SELECT ${COLUMNS} FROM sessions) TO STDOUT (FORMAT binary)`

/**
 * Ids a sample of the table's pages should show, in the order they lie, to judge that order.
 */
const SAMPLE_IDS = 2_000

/**
 * The share of the sample's consecutive ids allowed to go down for the table to be read as it
 * lies and put in id order in main. A table imported in id order and hardly changed since comes
 * in one long run and a few rows out of place (an escalation moves its row to the end): a merge
 * sort of that is one pass of comparisons, 50–100 ms at 1M. With 10% of its rows moved it took
 * 370 ms, a table in no order 1.7 s, on main's thread: those are read in id order from the index.
 */
const AS_STORED_DESCENTS = 0.01

const wrongSize = (field: string): Error => new Error(`${CHUNK}: unexpected binary ${field}`)

/** The profile as the visitor takes it, from a row's six profile fields: byte for byte SQLite's json_array. */
function profileJson(buffer: Buffer, from: number, to: number): string {
  const texts: (string | null)[] = []
  let at = from
  for (let k = 0; k < PROFILE_TEXTS; k++) {
    const length = buffer.readInt32BE(at)
    at += 4
    if (length < 0) texts.push(null)
    else {
      texts.push(buffer.toString('utf8', at, at + length))
      at += length
    }
  }
  if (at !== to) throw new Error(`${CHUNK}: a profile's fields do not add up`)
  return JSON.stringify(texts)
}

/**
 * Whether the table lies nearly in id order: a sample of its pages (TABLESAMPLE SYSTEM reads
 * them in the order they lie; a few dozen pages at 1M sessions), its ids seldom going down.
 * Statistics would miss a table just imported (none yet) and price a few rows moved to the end
 * as disorder.
 */
async function liesInIdOrder(sql: Sql, expectedRows: number): Promise<boolean> {
  const percent = Math.min(100, Math.max(0.01, (SAMPLE_IDS * 100) / Math.max(expectedRows, 1)))
  const rows = await sql.arrays(`SELECT session_id FROM sessions TABLESAMPLE SYSTEM ($1)`, [
    percent
  ])
  let descents = 0
  for (let k = 1; k < rows.length; k++)
    if (String(rows[k]![0]) < String(rows[k - 1]![0])) descents++
  return descents <= rows.length * AS_STORED_DESCENTS
}

/**
 * The report columns of every session in one binary COPY, parsed as it streams in (main's
 * event loop runs between the socket's chunks; keyset chunks made the server and main wait on
 * each other 125 times at 1M sessions). The numbers are read as they are stored; the six
 * profile texts are looked up by their bytes, so the profile (JSON.stringify of the six) is
 * built once per distinct combination, not once per row; the ids are kept as bytes (IdBytes).
 * Read as the table lies when that is nearly the ids' order, with the order the ids sort in.
 */
export async function* copySessionColumns(
  sql: Sql,
  visit: SessionColumnVisitor,
  expectedRows: number
): AsyncGenerator<SessionColumnsPart, void, undefined> {
  const asStored = await liesInIdOrder(sql, expectedRows)
  const profiles = new ByteKeyedValues(profileJson)
  const ids = new IdBytesBuilder(expectedRows)
  const reader = new BinaryCopyRows(FIELDS, (buffer, view) => {
    const { starts, lengths } = reader
    if (lengths[0]! < 0) throw new Error(`${CHUNK}: a session without an id`)
    if (lengths[7] !== 2) throw wrongSize('rag_used')
    if (lengths[8] !== 4) throw wrongSize('interruptions')
    if (lengths[9] !== 8 || lengths[10] !== 8) throw wrongSize('latency')
    ids.add(buffer, starts[0]!, starts[0]! + lengths[0]!)
    // From the first profile field's length prefix to the end of the sixth: unambiguous.
    const from = starts[1]! - 4
    const to = starts[PROFILE_TEXTS]! + Math.max(lengths[PROFILE_TEXTS]!, 0)
    visit(
      profiles.get(buffer, view, from, to),
      view.getInt16(starts[7]!),
      view.getInt32(starts[8]!),
      view.getFloat64(starts[9]!),
      view.getFloat64(starts[10]!)
    )
  })
  await sql.copyOut(asStored ? COPY_AS_STORED : COPY_BY_ID, (buffer, view, from, to) =>
    reader.pushRange(buffer, view, from, to)
  )
  reader.end()
  const read = ids.build()
  yield { ids: read, order: asStored ? read.sortedOrder() : null }
}
