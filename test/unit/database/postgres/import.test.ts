import { describe, expect, it } from 'vitest'
import { DatabaseBusyError } from '../../../../src/main/database/postgres/asyncSeam'
import type { CopySessionBatches } from '../../../../src/main/database/postgres/copySessionBatches'
import { session } from '../asyncContract'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { describeSessionImport, importRows, lab } from '../asyncImportContract'

describe.skipIf(skipWithoutPostgres)(
  'PostgreSQL import (COPY, straight into sessions or staged, one transaction)',
  () => {
    const pg = usePostgres()
    describeSessionImport({ name: 'PostgreSQL', open: () => pg.open(), close: async () => {} })

    it('writes every row as given, text COPY would mangle included, and moves the version once', async () => {
      const db = await pg.open()
      const odd = lab('TAB\tNL\nBS\\CR\r', { scenario: 'a\\tb', model: 'm "quoted", ñ' })
      const rows = [
        odd,
        ...Array.from({ length: 4_500 }, (_, i) => lab(`G${String(i).padStart(5, '0')}`))
      ]
      const result = await importRows(db, 'fail', rows)
      expect(result).toEqual({ committed: true, conflicts: [], counts: [4_501, 0, 0] })
      expect(await db.sessions.count()).toBe(4_501)
      expect(await db.sessions.get(odd.session_id)).toMatchObject({ ...odd, source: 'import' })
      expect(await db.sessions.version()).toBe('1')
      const { rows: imports } = await db.pool.query('SELECT policy, inserted, seat FROM imports')
      expect(imports).toEqual([{ policy: 'fail', inserted: 4_501, seat: null }])
    })

    it('copies ascending ids above every stored one straight into sessions, stages the rest', async () => {
      const db = await pg.open()
      await db.sessions.insertRecorded(session('M-1'), 'then')
      await db.calls.insertIfNew({
        sessionId: 'CALL-1',
        callId: null,
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: 1,
        pricing: null,
        sentimentReader: 'lexicon'
      })
      const odd = lab('N\tTAB\\BS', { scenario: 'a\\tb', model: 'line\nbreak\r, ñ' })
      const above = Array.from({ length: 4_000 }, (_, i) => lab(`N${String(i).padStart(5, '0')}`))
      // After two batches of ascending new ids, one below the stored ones: staged from there on.
      const rows = [odd, ...above, lab('A-LATE'), lab('N99999'), lab('CALL-1')]
      const run = await db.beginImport({
        policy: 'skip',
        source: 'import',
        recordedAt: '2026-12-01T00:00:00.000Z',
        onConflict: () => undefined
      })
      rows.forEach((row, i) => run.sessions.add(row, i + 2))
      await run.sessions.flush()
      expect((run.sessions as CopySessionBatches).written).toBe(4_000)
      expect(await run.commit()).toBe(true)
      await run.close()
      const { inserted, replaced, skipped } = run.sessions
      expect([inserted, replaced, skipped]).toEqual([4_003, 0, 1])
      expect(await db.sessions.count()).toBe(4_004)
      for (const row of [odd, above[3_998]!, lab('A-LATE'), lab('N99999')])
        expect(await db.sessions.get(row.session_id)).toMatchObject({ ...row, source: 'import' })
      expect(await db.sessions.exists('CALL-1')).toBe(false)
      const { rows: recorded } = await db.pool.query(
        `SELECT DISTINCT recorded_at FROM sessions WHERE source = 'import'`
      )
      expect(recorded).toEqual([{ recorded_at: '2026-12-01T00:00:00.000Z' }])
    })

    it('restarts without touching rows another desk committed among the ones it copied', async () => {
      const db = await pg.open()
      const run = await db.beginImport({
        policy: 'fail',
        source: 'import',
        recordedAt: 'now',
        onConflict: () => undefined
      })
      run.sessions.add(lab('D-1'), 2)
      run.sessions.add(lab('D-3'), 3)
      await run.sessions.flush()
      await db.sessions.insertRecorded(session('D-2'), 'then')
      run.sessions.restart()
      run.sessions.add(lab('D-4'), 2)
      await run.sessions.flush()
      expect(await run.commit()).toBe(true)
      await run.close()
      const ids = await db.sessions.page({}, { column: 'session_id', direction: 'asc' }, 0, 9)
      expect(ids.map((s) => s.session_id)).toEqual(['D-2', 'D-4'])
    })

    it('refuses the whole file when a call begun meanwhile took the id of a row copied straight in', async () => {
      const db = await pg.open()
      const run = await db.beginImport({
        policy: 'skip',
        source: 'import',
        recordedAt: 'now',
        onConflict: () => undefined
      })
      run.sessions.add(lab('LIVE-20261201-100000-abcd'), 2)
      run.sessions.add(lab('LIVE-20261201-100001-abcd'), 3)
      await run.sessions.flush()
      await db.calls.insertIfNew({
        sessionId: 'LIVE-20261201-100001-abcd',
        callId: null,
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: 1,
        pricing: null,
        sentimentReader: 'lexicon'
      })
      await expect(run.commit()).rejects.toThrow(
        /"LIVE-20261201-100001-abcd" was taken by a call recorded during the import/
      )
      await run.close()
      expect(await db.sessions.count()).toBe(0)
    })

    it('holds the write lock only to commit: transactionNow is refused meanwhile, transaction waits', async () => {
      const db = await pg.open()
      const run = await db.beginImport({
        policy: 'fail',
        source: 'import',
        recordedAt: 'now',
        onConflict: () => undefined
      })
      run.sessions.add(lab('IMPORTED'), 2)
      await run.sessions.flush()
      // Staging holds no lock: a desk's no-wait write goes through.
      await db.transactionNow((tx) => tx.meta.set('k', 'staging'))

      // A desk's transaction under way: the import's commit waits for it…
      let finishDesk: () => void = () => undefined
      const deskHolds = new Promise<void>((resolve) => (finishDesk = resolve))
      let deskStarted: () => void = () => undefined
      const started = new Promise<void>((resolve) => (deskStarted = resolve))
      const desk = db.transaction(async (tx) => {
        await tx.meta.set('k', 'desk')
        deskStarted()
        await deskHolds
      })
      await started
      const committing = run.commit()
      await new Promise((resolve) => setTimeout(resolve, 200))
      // …and, while it waits or holds the lock, a no-wait write is refused at once.
      await expect(db.transactionNow((tx) => tx.meta.set('k', 'now'))).rejects.toBeInstanceOf(
        DatabaseBusyError
      )
      expect(await db.sessions.exists('IMPORTED')).toBe(false)
      finishDesk()
      await desk
      expect(await committing).toBe(true)
      await run.close()
      expect(await db.sessions.exists('IMPORTED')).toBe(true)
      await db.transactionNow((tx) => tx.meta.set('k', 'after'))
      expect(await db.meta.get('k')).toBe('after')
    })
  }
)
