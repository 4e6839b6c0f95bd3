import type { Pool, PoolClient } from 'pg'
import { LIVE_METRIC_COLUMNS } from '../../../shared/sessions/labSchema'
import { PACKED_NUMBERS, PACKED_TEXTS } from '../../sessions/packedSessions'
import { columnsOf } from '../rowValues'
import type { SessionImport, SessionImportOptions } from './asyncSeam'
import { CopySessionBatches, CREATE_STAGING, type DirectCopy } from './copySessionBatches'
import { WRITE_LOCK } from './locks'
import { bumpSessionsVersion } from './sessionsVersion'
import { clientSql } from './sql'

const staged = columnsOf('import_rows')
const LAB = [...PACKED_TEXTS, ...PACKED_NUMBERS]

// In session_id order (when the staged rows are not already): the sessions' index is filled in
// key order. 'fail' and 'replace' have refused calls' ids already; 'skip' leaves them out here.
const COPY = `INSERT INTO sessions (${LAB.join(', ')}, source, recorded_at)
  SELECT ${LAB.join(', ')}, $1, $2 FROM import_rows s WHERE true`
const NOT_CALLS = ' AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.session_id = s.session_id)'
const ORDERED = ' ORDER BY session_id'
// A replaced session is the imported row and nothing else: live-call fields are cleared.
const REPLACED = [...LAB.filter((c) => c !== 'session_id'), 'source', 'recorded_at']
const UPSERT_TAIL = ` ON CONFLICT (session_id) DO UPDATE SET ${[
  ...REPLACED.map((c) => `${c} = EXCLUDED.${c}`),
  'started_at = NULL',
  'ended_at = NULL',
  ...LIVE_METRIC_COLUMNS.map((c) => `${c} = NULL`)
].join(', ')}`
const SKIP_TAIL = ' ON CONFLICT (session_id) DO NOTHING'

const TAKEN_BY_CALLS = `SELECT s.session_id AS id, s.row AS row
  FROM import_rows s JOIN calls t ON t.session_id = s.session_id`
// Calls' ids are reported as calls', not as sessions already stored.
const TAKEN_BY_SESSIONS = `SELECT s.session_id AS id, s.row AS row
  FROM import_rows s JOIN sessions t ON t.session_id = s.session_id
  WHERE NOT EXISTS (SELECT 1 FROM calls c WHERE c.session_id = s.session_id)`
const COUNT_STORED = `SELECT COUNT(*) AS n FROM import_rows s
  WHERE EXISTS (SELECT 1 FROM sessions m WHERE m.session_id = s.session_id)`

/** Above every stored id, session or call: rows above it may skip staging (DirectCopy). */
const HIGHEST_ID = `SELECT GREATEST((SELECT max(session_id) FROM sessions),
  (SELECT max(session_id) FROM calls)) AS id`
// A call another desk began after the import did, under the id of a row copied straight into
// sessions (ours: xmin), between the highest id at the start and the last row written.
const CALL_AMONG_DIRECT = `SELECT c.session_id AS id FROM calls c
  JOIN sessions s ON s.session_id = c.session_id
  WHERE ($1::text IS NULL OR c.session_id > $1) AND c.session_id <= $2
    AND s.xmin = pg_current_xact_id()::xid
  LIMIT 1`

/**
 * An all-or-nothing import on a pooled client of its own, in one transaction from start to end:
 * the file is written by COPY without any lock, readers see nothing of it until COMMIT. Rows
 * whose ids ascend above every id stored when the import began go straight into sessions (they
 * cannot conflict); the others are staged in a temporary table. commit() takes the write lock
 * exclusively (a desk's write transaction holds it shared: the import waits for those under
 * way, transactionNow is refused meanwhile), checks the staged ids, copies them with one
 * INSERT … SELECT, bumps the sessions' version and records the import.
 */
export async function beginPostgresImport(
  pool: Pool,
  options: SessionImportOptions
): Promise<SessionImport> {
  const client: PoolClient = await pool.connect()
  // A dropped connection is reported by the statement that needed it, not as a crash.
  const ignore = (): void => undefined
  client.on('error', ignore)
  let open = true
  let direct: DirectCopy | null = null
  try {
    await client.query('BEGIN')
    await client.query(CREATE_STAGING)
    const highest = (await client.query<{ id: string | null }>(HIGHEST_ID)).rows[0]?.id ?? null
    direct = { above: highest, source: options.source, recordedAt: options.recordedAt }
  } catch (error) {
    client.off('error', ignore)
    client.release(error instanceof Error ? error : true)
    throw error
  }
  const sql = clientSql(client)
  const sessions = new CopySessionBatches(client, direct)

  /**
   * Ends staging: every row at the server. The staging table has no key (ids unique within the
   * file are the reader's check; the sessions' key refuses a duplicate anyway): building one
   * cost more than the id checks it would speed up.
   */
  const finishStaging = (): Promise<void> => sessions.flush()

  const findConflicts = async (): Promise<number> => {
    let found = 0
    const each = async (text: string, takenBy: 'session' | 'call'): Promise<void> => {
      for (const hit of await sql.rows(text)) {
        found++
        options.onConflict(staged.text(hit, 'id'), staged.number(hit, 'row'), takenBy)
      }
    }
    if (options.policy !== 'skip') await each(TAKEN_BY_CALLS, 'call')
    if (options.policy === 'fail') await each(TAKEN_BY_SESSIONS, 'session')
    return found
  }

  /**
   * A call begun since the import started may have taken the id of a row written straight into
   * sessions (no row number is kept for those, so it is refused as a whole, not listed).
   */
  const refuseCallsAmongDirectRows = async (): Promise<void> => {
    if (sessions.lastWritten === null) return
    const [hit] = await sql.rows(CALL_AMONG_DIRECT, [direct?.above ?? null, sessions.lastWritten])
    if (hit)
      throw new Error(
        `session_id "${staged.text(hit, 'id')}" was taken by a call recorded during the import: ` +
          'nothing was imported; import the file again'
      )
  }

  const copyIntoSessions = async (): Promise<void> => {
    const params = [options.source, options.recordedAt]
    const ordered = sessions.stagedInOrder ? '' : ORDERED
    if (options.policy === 'replace') {
      const stored = await sql.rows(COUNT_STORED)
      sessions.replaced = stored[0] ? staged.number(stored[0], 'n') : 0
      await sql.run(COPY + ordered + UPSERT_TAIL, params)
      sessions.inserted = sessions.staged - sessions.replaced
    } else {
      const tail = options.policy === 'skip' ? NOT_CALLS + ordered + SKIP_TAIL : ordered
      sessions.inserted = sessions.written + (await sql.run(COPY + tail, params))
      sessions.skipped = sessions.staged - sessions.inserted
    }
  }

  const rollback = async (): Promise<void> => {
    if (!open) return
    open = false
    await sessions.flush().catch(() => undefined)
    await client.query('ROLLBACK')
  }

  return {
    sessions,
    reportConflicts: async () => {
      await finishStaging()
      await findConflicts()
    },
    commit: async () => {
      try {
        await finishStaging()
        await sql.run(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`)
        // Under the lock no desk's transaction is under way: this check is final.
        if ((await findConflicts()) > 0) {
          await rollback()
          return false
        }
        await refuseCallsAmongDirectRows()
        await copyIntoSessions()
        if (sessions.inserted + sessions.replaced > 0) await bumpSessionsVersion(sql)
        await sql.run(
          `INSERT INTO imports (source, policy, recorded_at, inserted, replaced, skipped, seat)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            options.source,
            options.policy,
            options.recordedAt,
            sessions.inserted,
            sessions.replaced,
            sessions.skipped,
            options.seat ?? null
          ]
        )
        await client.query('COMMIT')
        open = false
        return true
      } catch (error) {
        await rollback().catch(() => undefined)
        throw error
      }
    },
    rollback,
    close: async () => {
      let failure: Error | boolean = false
      try {
        await rollback()
      } catch (error) {
        failure = error instanceof Error ? error : true
      }
      client.off('error', ignore)
      // A client whose rollback failed is discarded, not handed to the next caller.
      client.release(failure)
    }
  }
}
