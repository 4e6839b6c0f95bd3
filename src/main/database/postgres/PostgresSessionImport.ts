import type { Pool, PoolClient } from 'pg'
import { LIVE_METRIC_COLUMNS } from '../../../shared/sessions/labSchema'
import { PACKED_NUMBERS, PACKED_TEXTS } from '../../sessions/packedSessions'
import { columnsOf } from '../rowValues'
import type { SessionImport, SessionImportOptions } from './asyncSeam'
import { CopySessionBatches, CREATE_STAGING } from './copySessionBatches'
import { WRITE_LOCK } from './locks'
import { bumpSessionsVersion } from './sessionsVersion'
import { clientSql } from './sql'

const staged = columnsOf('import_rows')
const LAB = [...PACKED_TEXTS, ...PACKED_NUMBERS]

// In session_id order: the sessions' index is filled in key order. 'fail' and 'replace' have
// refused calls' ids already; 'skip' leaves them out here.
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

/**
 * An all-or-nothing import on a pooled client of its own, in one transaction from start to end:
 * the file is staged by COPY into a temporary table without any lock, readers see nothing of
 * it until COMMIT. commit() takes the write lock exclusively (a desk's write transaction holds
 * it shared: the import waits for those under way, transactionNow is refused meanwhile), checks
 * the ids, copies with one INSERT … SELECT, bumps the sessions' version and records the import.
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
  try {
    await client.query('BEGIN')
    await client.query(CREATE_STAGING)
  } catch (error) {
    client.off('error', ignore)
    client.release(error instanceof Error ? error : true)
    throw error
  }
  const sql = clientSql(client)
  const sessions = new CopySessionBatches(client)

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

  const copyIntoSessions = async (): Promise<void> => {
    const params = [options.source, options.recordedAt]
    if (options.policy === 'replace') {
      const stored = await sql.rows(COUNT_STORED)
      sessions.replaced = stored[0] ? staged.number(stored[0], 'n') : 0
      await sql.run(COPY + ORDERED + UPSERT_TAIL, params)
      sessions.inserted = sessions.staged - sessions.replaced
    } else {
      const tail = options.policy === 'skip' ? NOT_CALLS + ORDERED + SKIP_TAIL : ORDERED
      sessions.inserted = await sql.run(COPY + tail, params)
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
