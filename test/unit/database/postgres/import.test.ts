import { describe, expect, it } from 'vitest'
import { DatabaseBusyError } from '../../../../src/main/database/postgres/asyncSeam'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'
import { describeSessionImport, importRows, lab } from '../asyncImportContract'

describe.skipIf(skipWithoutPostgres)(
  'PostgreSQL import (COPY into staging, one transaction)',
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
