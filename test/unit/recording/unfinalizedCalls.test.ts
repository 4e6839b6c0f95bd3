import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { BARGE_IN_CLEARED } from '../../support/callFixtures'
import { useTempDir } from '../../support/tempDir'
import { data, openConsole, STARTED_AT } from './support'
import { deskDatabaseOf } from '../../support/testServices'

// Issue #15: a call that cannot be finalized (here: its LIVE-… id already taken in sessions,
// as an import once allowed) must not stop start-up; it is kept, marked and shown.

interface Detail {
  status: string
  session: Record<string, unknown> | null
  events: number
  turns: { caller_text: string | null }[]
  failure: { error: string; failedAt: string; attempts: number } | null
}

/** A sessions row under `sessionId` that is not the call's: what the importer once let in. */
function takeSessionId(database: SqliteSessionDatabase, sessionId: string): void {
  database.connection
    .prepare(
      `INSERT INTO sessions (session_id, scenario, duration_sec, latency_p50_ms, latency_p95_ms,
         interruptions, turns, sentiment, model, rag_used, language, source, recorded_at)
       VALUES (?, 'order_status', 30, 400, 700, 0, 3, 'neutral', 'm', 0, 'en', 'import', 'then')`
    )
    .run(sessionId)
}

const freeSessionId = (database: SqliteSessionDatabase, sessionId: string): void =>
  void database.connection.prepare('DELETE FROM sessions WHERE session_id = ?').run(sessionId)

const TAKEN = /already taken by another session row \(source: import\)/

describe('a recorded call that cannot be finalized', () => {
  const tmp = useTempDir()
  const opened: Services[] = []
  afterEach(() => {
    for (const s of opened.splice(0)) s.close()
  })
  const start = async (clock?: () => number): Promise<Awaited<ReturnType<typeof openConsole>>> => {
    const console = await openConsole(tmp.path(), clock)
    opened.push(console.services)
    return console
  }
  const crash = (console: { services: Services }): void => {
    console.services.close()
    opened.splice(opened.indexOf(console.services), 1)
  }
  const begin = async (console: Awaited<ReturnType<typeof openConsole>>, at: number) =>
    data<{ sessionId: string }>(
      await console.call('recording.begin', {
        provider: 'openai',
        model: 'gpt-realtime',
        startedAt: at
      })
    ).sessionId

  it('does not stop start-up: the healthy call is finalized, the poisoned one kept and shown', async () => {
    const first = await start()
    const poisoned = await begin(first, STARTED_AT)
    const healthy = await begin(first, STARTED_AT + 60_000)
    for (const sessionId of [poisoned, healthy])
      data(await first.call('recording.append', { sessionId, events: BARGE_IN_CLEARED }))
    takeSessionId(deskDatabaseOf(first.services), poisoned)
    crash(first)

    const second = await start()
    const healthyDetail = data<Detail>(await second.call('recording.get', { sessionId: healthy }))
    expect(healthyDetail).toMatchObject({ status: 'incomplete', failure: null })
    expect(healthyDetail.session).toMatchObject({ session_id: healthy, source: 'live' })
    expect(second.emitted).toContainEqual(['sessions.changed', { reason: 'recorded', count: 1 }])

    const detail = data<Detail>(await second.call('recording.get', { sessionId: poisoned }))
    expect(detail.status).toBe('failed')
    // Not the imported row that holds its id: the call has no session of its own yet.
    expect(detail.session).toBeNull()
    expect(detail.events).toBe(BARGE_IN_CLEARED.length)
    expect(detail.failure).toMatchObject({ error: expect.stringMatching(TAKEN), attempts: 1 })
    // Its transcript, replayed from the kept events.
    expect(detail.turns.map((t) => t.caller_text)).toContain('What waterproof boots do you have?')
    const listed = data<{ sessionId: string; events: number; endedAtMs: number | null }[]>(
      await second.call('recording.unfinalized', {})
    )
    expect(listed).toEqual([
      {
        sessionId: poisoned,
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: STARTED_AT,
        endedAtMs: null,
        events: BARGE_IN_CLEARED.length,
        failure: detail.failure
      }
    ])
    // The imported row is untouched, and a failed call takes no more events.
    expect((await second.services.store.database.sessions.get(poisoned))?.source).toBe('import')
    expect(
      await second.call('recording.append', { sessionId: poisoned, events: BARGE_IN_CLEARED })
    ).toMatchObject({ ok: false })
  })

  it('is retried at each start, keeping the mark while it fails, and finalized once it can be', async () => {
    const first = await start()
    const sessionId = await begin(first, STARTED_AT)
    data(await first.call('recording.append', { sessionId, events: BARGE_IN_CLEARED }))
    takeSessionId(deskDatabaseOf(first.services), sessionId)
    crash(first)

    crash(await start())
    const third = await start()
    const stillFailing = data<Detail>(await third.call('recording.get', { sessionId }))
    expect(stillFailing.failure).toMatchObject({
      error: expect.stringMatching(TAKEN),
      attempts: 2
    })
    freeSessionId(deskDatabaseOf(third.services), sessionId)
    crash(third)

    const fourth = await start()
    const detail = data<Detail>(await fourth.call('recording.get', { sessionId }))
    expect(detail).toMatchObject({ status: 'incomplete', failure: null })
    expect(detail.session).toMatchObject({ session_id: sessionId, source: 'live' })
    // The turns the failed call showed (replayed) are the ones now stored.
    expect(detail.turns).toEqual(stillFailing.turns)
    expect(detail.turns.length).toBeGreaterThan(0)
    expect(data(await fourth.call('recording.unfinalized', {}))).toEqual([])
  })

  it('is kept whatever stops it: here an event that no longer parses', async () => {
    const first = await start()
    const broken = await begin(first, STARTED_AT)
    const healthy = await begin(first, STARTED_AT + 60_000)
    for (const sessionId of [broken, healthy])
      data(await first.call('recording.append', { sessionId, events: BARGE_IN_CLEARED }))
    deskDatabaseOf(first.services)
      .connection.prepare("UPDATE events SET payload = '{cut off' WHERE session_id = ? AND seq = 3")
      .run(broken)
    crash(first)

    const second = await start()
    expect(data<Detail>(await second.call('recording.get', { sessionId: healthy })).status).toBe(
      'incomplete'
    )
    const detail = data<Detail>(await second.call('recording.get', { sessionId: broken }))
    expect(detail).toMatchObject({ status: 'failed', session: null, turns: [] })
    expect(detail.failure?.error).toMatch(/JSON/)
    expect(detail.events).toBe(BARGE_IN_CLEARED.length)
  })

  it('failing at hang-up, is kept with its hang-up time and finished by a later start', async () => {
    const clock = () => Date.UTC(2026, 10, 25, 14, 40)
    const first = await start(clock)
    const sessionId = await begin(first, STARTED_AT)
    data(await first.call('recording.append', { sessionId, events: BARGE_IN_CLEARED }))
    takeSessionId(deskDatabaseOf(first.services), sessionId)
    const endedAt = STARTED_AT + 20_000
    const hangUp = await first.call('recording.finish', { sessionId, endedAt })
    expect(hangUp).toMatchObject({ ok: false, error: { message: expect.stringMatching(TAKEN) } })
    // Sessions refreshes, and finds the call among the unfinalized ones.
    expect(first.emitted).toContainEqual(['sessions.changed', { reason: 'recorded', count: 0 }])
    expect(data(await first.call('recording.unfinalized', {}))).toEqual([
      expect.objectContaining({
        sessionId,
        endedAtMs: endedAt,
        failure: {
          error: expect.stringMatching(TAKEN),
          failedAt: new Date(clock()).toISOString(),
          attempts: 1
        }
      })
    ])
    // A retried hang-up is another attempt, not the imported row passed off as the call's.
    expect(await first.call('recording.finish', { sessionId, endedAt })).toMatchObject({
      ok: false
    })
    freeSessionId(deskDatabaseOf(first.services), sessionId)
    crash(first)

    const second = await start()
    const detail = data<Detail>(await second.call('recording.get', { sessionId }))
    expect(detail).toMatchObject({ status: 'finished', failure: null })
    expect(detail.session).toMatchObject({ ended_at: new Date(endedAt).toISOString() })
  })
})
