import type { ReportAlerts, ReportFilter } from '../../../shared/analytics/reportSchemas'
import type { ReportReads, SessionColumnVisitor } from './asyncSeam'
import { queryAlertFigures } from './alertFiguresSql'
import { BinaryCopyRows } from './binaryCopyRows'
import { ByteKeyedValues } from './byteKeyedValues'
import type { Sql } from './sql'
import { IdBytesBuilder } from '../../reports/idBytes'
import type { SessionIds } from '../../reports/sessionIds'

const CHUNK = 'sessions (report columns)'
/** The fields of a row: the id, the six profile texts, then the four numbers. */
const FIELDS = 11
const PROFILE_TEXTS = 6

/** Every session, in session_id order: one statement, so one snapshot. */
const COPY_ALL = `COPY (SELECT session_id, scenario, sentiment, language, model, source,
    substr(started_at, 1, 10), rag_used, interruptions, latency_p50_ms, latency_p95_ms
  FROM sessions ORDER BY session_id) TO STDOUT (FORMAT binary)`

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

/** The Reports screen's reads on PostgreSQL. */
export class PostgresReportReads implements ReportReads {
  constructor(private readonly sql: Sql) {}

  /**
   * The whole table in one binary COPY, parsed as it streams in (main's event loop runs between
   * the socket's chunks; keyset chunks made the server and main wait on each other 125 times at
   * 1M sessions). The numbers are read as they are stored; the six profile texts are looked up
   * by their bytes, so the profile (JSON.stringify of the six) is built once per distinct
   * combination, not once per row; the ids are kept as bytes (IdBytes), a string made per id asked.
   */
  async *sessionColumns(
    visit: SessionColumnVisitor,
    expectedRows = 0
  ): AsyncGenerator<SessionIds, void, undefined> {
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
    await this.sql.copyOut(COPY_ALL, (buffer, view, from, to) =>
      reader.pushRange(buffer, view, from, to)
    )
    reader.end()
    yield ids.build()
  }

  /**
   * The planner's row count (set by VACUUM and ANALYZE) or the statistics' live rows (moved by
   * every commit, reported within a second or so), whichever is higher: one catalog row.
   */
  async estimatedSessions(): Promise<number> {
    const rows = await this.sql.rows(
      `SELECT GREATEST(reltuples, pg_stat_get_live_tuples(oid))::float8 AS rows
       FROM pg_class WHERE oid = to_regclass('sessions')`
    )
    const estimate = Number(rows[0]?.['rows'] ?? 0)
    return Number.isFinite(estimate) && estimate > 0 ? Math.round(estimate) : 0
  }

  alertFigures(filter: ReportFilter, sessionsInFilter: number): Promise<ReportAlerts> {
    return queryAlertFigures(this.sql, filter, sessionsInFilter)
  }
}
