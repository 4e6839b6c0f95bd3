import { afterEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/postgres/asyncSeam'
import type { ConflictPolicy } from '../../../src/main/database/postgres/asyncSeam'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { session, type Backend } from './asyncContract'

export const lab = (id: string, more: Partial<LabSession> = {}): LabSession => ({
  session_id: id,
  scenario: 'order_status',
  duration_sec: 30.25,
  latency_p50_ms: 100,
  latency_p95_ms: 200,
  interruptions: 1,
  turns: 4,
  sentiment: 'neutral',
  model: 'gpt-realtime',
  rag_used: false,
  language: 'es',
  ...more
})

export type Conflict = [id: string, row: number, takenBy: 'session' | 'call']

/** Imports `rows` (file rows 2, 3…) under `policy`; the conflicts reported and the outcome. */
export async function importRows(
  db: SessionDatabase,
  policy: ConflictPolicy,
  rows: LabSession[]
): Promise<{ committed: boolean; conflicts: Conflict[]; counts: number[] }> {
  const conflicts: Conflict[] = []
  const run = await db.beginImport({
    policy,
    source: 'import',
    recordedAt: '2026-12-01T00:00:00.000Z',
    onConflict: (id, row, takenBy) => conflicts.push([id, row, takenBy])
  })
  try {
    rows.forEach((row, i) => run.sessions.add(row, i + 2))
    await run.sessions.flush()
    const committed = await run.commit()
    const { inserted, replaced, skipped } = run.sessions
    return { committed, conflicts: conflicts.sort(), counts: [inserted, replaced, skipped] }
  } finally {
    await run.close()
  }
}

const withStored = async (db: SessionDatabase): Promise<void> => {
  await db.sessions.insertRecorded(session('LIVE-1', { escalated: true }), 'then')
  await db.calls.insertIfNew({
    sessionId: 'CALL-1',
    callId: null,
    provider: 'openai',
    model: 'gpt-realtime',
    startedAtMs: 1,
    pricing: null,
    sentimentReader: 'lexicon'
  })
}
/**
 * What every backend's import must do (SqliteSessionImport's rules): all or nothing, the
 * conflict policies, each refused id with its row in the file.
 */
export function describeSessionImport(backend: Backend): void {
  describe(`Import (async) on ${backend.name}`, () => {
    afterEach(() => backend.close())

    it("writes nothing when 'fail' meets stored ids, and reports each with its file row", async () => {
      const db = await backend.open()
      await withStored(db)
      const before = await db.sessions.version()
      const result = await importRows(db, 'fail', [lab('NEW-1'), lab('LIVE-1'), lab('CALL-1')])
      expect(result.committed).toBe(false)
      expect(result.conflicts).toEqual([
        ['CALL-1', 4, 'call'],
        ['LIVE-1', 3, 'session']
      ])
      expect(await db.sessions.exists('NEW-1')).toBe(false)
      expect(await db.sessions.version()).toBe(before)
    })

    it("'skip' leaves stored sessions and calls' ids alone and counts them", async () => {
      const db = await backend.open()
      await withStored(db)
      const result = await importRows(db, 'skip', [lab('LIVE-1'), lab('CALL-1'), lab('NEW-1')])
      expect(result).toEqual({ committed: true, conflicts: [], counts: [1, 0, 2] })
      expect((await db.sessions.get('LIVE-1'))?.source).toBe('live')
      expect(await db.sessions.exists('CALL-1')).toBe(false)
    })

    it("'replace' makes a stored session the imported row and nothing else, but never a call's", async () => {
      const db = await backend.open()
      await withStored(db)
      const refused = await importRows(db, 'replace', [lab('CALL-1')])
      expect(refused.conflicts).toEqual([['CALL-1', 2, 'call']])
      const result = await importRows(db, 'replace', [lab('LIVE-1'), lab('NEW-1')])
      expect(result).toEqual({ committed: true, conflicts: [], counts: [1, 1, 0] })
      expect(await db.sessions.get('LIVE-1')).toEqual({
        ...lab('LIVE-1'),
        started_at: null,
        ended_at: null,
        source: 'import',
        at_ear_p50_ms: null,
        at_ear_p95_ms: null,
        backchannels: null,
        echo_suspects: null,
        tool_calls: null,
        tool_ms_p50: null,
        input_tokens: null,
        output_tokens: null,
        cost_usd: null,
        escalated: null
      })
    })

    it('is all or nothing when a row breaks a rule of the table, and after a restart keeps only what followed', async () => {
      const db = await backend.open()
      const broken = await importRows(db, 'fail', [
        lab('OK-1'),
        lab('BAD-1', { latency_p50_ms: 300, latency_p95_ms: 200 })
      ]).catch((error: unknown) => error)
      expect(String(broken)).toMatch(/latency_p95_ms|check constraint/i)
      expect(await db.sessions.count()).toBe(0)

      const run = await db.beginImport({
        policy: 'fail',
        source: 'import',
        recordedAt: 'now',
        onConflict: () => undefined
      })
      run.sessions.add(lab('FIRST-READ'), 2)
      run.sessions.addBatch({ type: 'sessions', count: 0, texts: [], numbers: new Float64Array() })
      await run.sessions.flush()
      run.sessions.restart()
      run.sessions.add(lab('SECOND-READ'), 2)
      await run.sessions.flush()
      expect(await run.commit()).toBe(true)
      await run.close()
      expect(
        (await db.sessions.page({}, { column: 'session_id', direction: 'asc' }, 0, 5)).map(
          (s) => s.session_id
        )
      ).toEqual(['SECOND-READ'])
    })

    it('reports conflicts without committing, and a rolled back import leaves no trace', async () => {
      const db = await backend.open()
      await withStored(db)
      const conflicts: Conflict[] = []
      const run = await db.beginImport({
        policy: 'fail',
        source: 'import',
        recordedAt: 'now',
        onConflict: (id, row, takenBy) => conflicts.push([id, row, takenBy])
      })
      run.sessions.add(lab('LIVE-1'), 7)
      run.sessions.add(lab('NEW-1'), 8)
      await run.sessions.flush()
      await run.reportConflicts()
      expect(conflicts).toEqual([['LIVE-1', 7, 'session']])
      await run.rollback()
      await run.close()
      expect(await db.sessions.exists('NEW-1')).toBe(false)
    })
  })
}
