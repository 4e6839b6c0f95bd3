import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { useTempDir } from '../../support/tempDir'
import { overAgentCall } from '../escalation/scriptedCalls'
import { batches, data, openConsole, STARTED_AT } from './support'

// Three interruptions (the burst rule fires on the second, the total rule on the third), and
// the third one's words read negative.
const THREE_CUTS = overAgentCall([
  { text: 'No, that is not what I asked.' },
  { text: 'Stop, listen to me.' },
  { text: 'You are not listening at all.' }
])

const BEGIN = { provider: 'custom', model: 'gpt-realtime', startedAt: STARTED_AT }

/** What an import does to the session database: another connection holds its write lock. */
function holdWriteLock(dir: string): DatabaseSync {
  const importer = new DatabaseSync(join(dir, 'sessions.sqlite'))
  importer.exec('BEGIN IMMEDIATE')
  return importer
}

const count = (db: DatabaseSync, sql: string, ...params: string[]): number =>
  Number((db.prepare(sql).get(...params) as { n: number }).n)

/** Whether `promise` has settled once the tasks queued now have run. */
async function settledYet(promise: Promise<unknown>, waitMs = 300): Promise<boolean> {
  let settled = false
  void promise.finally(() => (settled = true))
  await new Promise((resolve) => setTimeout(resolve, waitMs))
  return settled
}

describe('a live call while an import holds the write lock', () => {
  const tmp = useTempDir()
  const opened: Services[] = []
  const locks: DatabaseSync[] = []
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.close()
    for (const services of opened.splice(0)) services.close()
  })
  const start = async (): Promise<Awaited<ReturnType<typeof openConsole>>> => {
    const console = await openConsole(tmp.path())
    opened.push(console.services)
    return console
  }

  it('begins, appends and raises alerts without waiting, then lands them in order', async () => {
    const { call, emitted } = await start()
    const lock = holdWriteLock(tmp.path())
    locks.push(lock)

    // Before: each of these waited 5 s for the lock on main's thread, then failed.
    const { sessionId } = data<{ sessionId: string }>(await call('recording.begin', BEGIN))
    for (const events of batches(THREE_CUTS, 7))
      expect(data(await call('recording.append', { sessionId, events }))).toEqual({
        stored: events.length
      })
    const raised = (emitted as [string, unknown][])
      .filter(([name]) => name === 'alerts.raised')
      .map(([, alert]) => alert as StoredAlert)
    expect(raised.map((a) => a.rule)).toEqual([
      'interruptions_burst',
      'interruptions_total',
      'negative_sentiment'
    ])
    // Queued, not written: the lock's holder sees none of it yet.
    expect(count(lock, 'SELECT COUNT(*) AS n FROM calls WHERE session_id = ?', sessionId)).toBe(0)

    // Hang-up and a supervisor's action wait for the lock instead of failing.
    const finishing = call('recording.finish', { sessionId, endedAt: STARTED_AT + 60_000 })
    const acting = call('alerts.act', { alertId: raised[0]!.alertId, action: 'acknowledge' })
    expect(await settledYet(finishing)).toBe(false)
    expect(await settledYet(acting)).toBe(false)

    lock.exec('ROLLBACK') // the import ends
    expect(data(await finishing)).toMatchObject({ session_id: sessionId, source: 'live' })
    expect(data(await acting)).toMatchObject({
      alertId: raised[0]!.alertId,
      status: 'acknowledged'
    })

    const { inputs } = data<{ inputs: { t: number; event: { type: string } }[] }>(
      await call('recording.events', { sessionId })
    )
    expect(inputs.map((i) => [i.t, i.event.type])).toEqual(
      THREE_CUTS.map((i) => [i.t, i.event.type])
    )
    const seqs = lock
      .prepare('SELECT seq FROM events WHERE session_id = ? ORDER BY seq')
      .all(sessionId)
      .map((r) => r['seq'])
    expect(seqs).toEqual(THREE_CUTS.map((_, i) => i))
    const detail = data<{ alerts: { alertId: number; rule: string }[] }>(
      await call('recording.get', { sessionId })
    )
    expect(detail.alerts.map((a) => [a.alertId, a.rule])).toEqual(
      raised.map((a) => [a.alertId, a.rule])
    )
    const outbox = new DatabaseSync(join(tmp.path(), 'recording-outbox.sqlite'))
    locks.push(outbox)
    expect(count(outbox, 'SELECT COUNT(*) AS n FROM outbox')).toBe(0)
  })

  it('keeps what was queued through a crash: the next start drains it, then recovers the call', async () => {
    const first = await start()
    const lock = holdWriteLock(tmp.path())
    const { sessionId } = data<{ sessionId: string }>(await first.call('recording.begin', BEGIN))
    for (const events of batches(THREE_CUTS, 5))
      data(await first.call('recording.append', { sessionId, events }))
    // The process dies with its queue unwritten (closing drains nothing); the import ends too.
    first.services.close()
    opened.pop()
    lock.exec('ROLLBACK')
    lock.close()

    const second = await start()
    const detail = data<{ status: string; events: number; alerts: unknown[] }>(
      await second.call('recording.get', { sessionId })
    )
    expect(detail).toMatchObject({ status: 'incomplete', events: THREE_CUTS.length })
    expect(detail.alerts).toHaveLength(3)
  })
})
