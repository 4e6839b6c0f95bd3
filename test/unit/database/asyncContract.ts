import { afterEach, describe, expect, it } from 'vitest'
import { readColumns, selectionOf, session, turn } from './contractFixtures'
import type { SessionDatabase } from '../../../src/main/database/postgres/asyncSeam'

// What every backend of the async seam must do, whatever its SQL: the cases of
// sessionDatabase.contract.test.ts, awaited, plus the reads the Reports, Sessions and the
// backtest make. A backend's test file calls describeSessionDatabase with its factory.

export { session }

export interface Backend {
  name: string
  /** A fresh, empty database. */
  open(): Promise<SessionDatabase>
  /** Closes whatever open() opened (after each test). */
  close(): Promise<void>
}

const collect = async <T>(pages: AsyncIterable<T[]>): Promise<T[]> => {
  const all: T[] = []
  for await (const page of pages) all.push(...page)
  return all
}

const newCall = (sessionId: string) => ({
  sessionId,
  callId: null,
  provider: 'openai',
  model: 'gpt-realtime',
  startedAtMs: 1_764_081_000_000,
  pricing: null,
  sentimentReader: 'lexicon'
})

export function describeSessionDatabase(backend: Backend): void {
  describe(`SessionDatabase (async) on ${backend.name}`, () => {
    afterEach(() => backend.close())
    const fresh = (): Promise<SessionDatabase> => backend.open()

    it('stores a recorded session as it was given, and moves the version once per write', async () => {
      const db = await fresh()
      expect(await db.sessions.version()).toBe('0')
      const row = session('LIVE-1')
      await db.transaction((tx) => tx.sessions.insertRecorded(row, '2026-11-25T14:32:00.000Z'))
      expect(await db.sessions.get('LIVE-1')).toEqual(row)
      expect(await db.sessions.exists('LIVE-1')).toBe(true)
      expect(await db.sessions.get('LIVE-2')).toBeNull()
      const after = await db.sessions.version()
      expect(after).not.toBe('0')
      await db.transaction((tx) => tx.sessions.markEscalated('LIVE-1'))
      expect((await db.sessions.get('LIVE-1'))?.escalated).toBe(true)
      const marked = await db.sessions.version()
      expect(marked).not.toBe(after)
      await db.transaction((tx) => tx.sessions.markEscalated('LIVE-1'))
      expect(await db.sessions.version()).toBe(marked)
      // Outside a transaction the row and the version still move together.
      await db.sessions.insertRecorded(session('LIVE-2'), 'now')
      expect(await db.sessions.version()).not.toBe(marked)
    })

    it('undoes a transaction that rejects, whatever it wrote', async () => {
      const db = await fresh()
      await expect(
        db.transaction(async (tx) => {
          await tx.sessions.insertRecorded(session('LIVE-1'), 'now')
          await tx.calls.insertIfNew(newCall('LIVE-1'))
          throw new Error('boom')
        })
      ).rejects.toThrow('boom')
      expect(await db.sessions.count()).toBe(0)
      expect(await db.calls.get('LIVE-1')).toBeNull()
      expect(await db.sessions.version()).toBe('0')
      expect(await db.transaction(async () => 'resolved')).toBe('resolved')
    })

    it("removes the pilot's sample sessions only, moving the version once", async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('S01', { source: 'seed' }), 'now')
        await tx.sessions.insertRecorded(session('S02', { source: 'seed' }), 'now')
        await tx.sessions.insertRecorded(session('IMP-1', { source: 'import' }), 'now')
        await tx.sessions.insertRecorded(session('LIVE-1', { source: 'live' }), 'now')
      })
      const before = await db.sessions.version()
      expect(await db.transaction((tx) => tx.sessions.removeSample())).toBe(2)
      const after = await db.sessions.version()
      expect(after).not.toBe(before)
      const left = await collect(db.sessions.storedPages({}))
      expect(left.map((s) => s.session_id)).toEqual(['IMP-1', 'LIVE-1'])
      // Nothing left to remove: nothing changes, not even the version.
      expect(await db.transaction((tx) => tx.sessions.removeSample())).toBe(0)
      expect(await db.sessions.version()).toBe(after)
    })

    it('pages and streams sessions with filters', async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        for (const id of ['A', 'B', 'C'])
          await tx.sessions.insertRecorded(
            session(id, { language: id === 'B' ? 'es' : 'en' }),
            'now'
          )
      })
      expect(await db.sessions.count({ language: ['en'] })).toBe(2)
      const sort = { column: 'session_id', direction: 'desc' } as const
      expect((await db.sessions.page({}, sort, 1, 5)).map((s) => s.session_id)).toEqual(['B', 'A'])
      expect((await collect(db.sessions.storedPages({}))).map((s) => s.session_id)).toEqual([
        'A',
        'B',
        'C'
      ])
      expect(await collect(db.sessions.labPages({ language: ['es'] }))).toEqual([
        {
          session_id: 'B',
          scenario: 'complaint',
          duration_sec: 61.5,
          latency_p50_ms: 410,
          latency_p95_ms: 780,
          interruptions: 2,
          turns: 7,
          sentiment: 'negative',
          model: 'gpt-realtime',
          rag_used: true,
          language: 'es'
        }
      ])
    })

    it('pages at any depth in id order, either way and filtered, and counts again after a write', async () => {
      const db = await fresh()
      const all = Array.from({ length: 12 }, (_, i) => `S${String(i).padStart(2, '0')}`)
      const spanish = (id: string): boolean => Number(id.slice(1)) % 3 === 0
      await db.transaction(async (tx) => {
        for (const id of all)
          await tx.sessions.insertRecorded(
            session(id, { language: spanish(id) ? 'es' : 'en' }),
            'now'
          )
      })
      type Filter = Parameters<SessionDatabase['sessions']['page']>[0]
      const es: Filter = { language: ['es'] }
      const cases: [Filter, 'asc' | 'desc', string[]][] = [
        [{}, 'asc', all],
        [{}, 'desc', [...all].reverse()],
        [es, 'asc', all.filter(spanish)],
        [es, 'desc', all.filter(spanish).reverse()]
      ]
      for (const [filter, direction, ids] of cases)
        for (let offset = 0; offset <= ids.length + 1; offset++)
          expect(
            (await db.sessions.page(filter, { column: 'session_id', direction }, offset, 5)).map(
              (s) => s.session_id
            ),
            `${JSON.stringify(filter)} ${direction} from ${offset}`
          ).toEqual(ids.slice(offset, offset + 5))
      expect(await db.sessions.count()).toBe(12)
      expect(await db.sessions.count({ language: ['es'] })).toBe(4)
      await db.sessions.insertRecorded(session('S12', { language: 'es' }), 'now')
      expect(await db.sessions.count()).toBe(13)
      expect(await db.sessions.count({ language: ['es'] })).toBe(5)
      await db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('S13', { language: 'es' }), 'now')
        expect(await tx.sessions.count({ language: ['es'] })).toBe(6)
      })
      expect(await db.sessions.count({ language: ['es'] })).toBe(6)
    })

    it('filters as the SQLite backend does: search with wildcards taken literally, ranges, days', async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('ORD_1', { interruptions: 0 }), 'now')
        await tx.sessions.insertRecorded(
          session('ORDX1', { started_at: '2026-11-26T00:00:00.000Z', rag_used: false }),
          'now'
        )
        await tx.sessions.insertRecorded(
          session('other', { started_at: null, scenario: 'faq', latency_p50_ms: 90 }),
          'now'
        )
      })
      const ids = async (filter: Parameters<SessionDatabase['sessions']['count']>[0]) =>
        (
          await db.sessions.page(filter ?? {}, { column: 'session_id', direction: 'asc' }, 0, 10)
        ).map((s) => s.session_id)
      // '_' is a character to find, not a wildcard; the search ignores ASCII case.
      expect(await ids({ search: 'ord_' })).toEqual(['ORD_1'])
      expect(await ids({ search: '%' })).toEqual([])
      // A search for a scenario's name on screen ("Pregunta general") finds its code's rows.
      expect(await ids({ search: 'Pregunta', searchScenarios: ['faq'] })).toEqual(['other'])
      expect(await ids({ search: 'ord_', searchScenarios: ['faq'] })).toEqual(['ORD_1', 'other'])
      expect(await ids({ interruptions: { min: 1, max: 2 } })).toEqual(['ORDX1', 'other'])
      expect(await ids({ latencyP50Ms: { max: 100 } })).toEqual(['other'])
      expect(await ids({ startedFrom: '2026-11-26' })).toEqual(['ORDX1'])
      expect(await ids({ startedTo: '2026-11-25' })).toEqual(['ORD_1'])
      expect(await ids({ ragUsed: false })).toEqual(['ORDX1'])
      expect(await ids({ sessionIds: [] })).toEqual([])
      expect(await ids({ sessionIds: ['other', 'nope'] })).toEqual(['other'])
      expect(await ids({ scenario: ['faq', 'complaint'], source: ['live'] })).toHaveLength(3)
      // Undated sessions sort first ascending, as SQLite's NULLs do.
      const byStart = await db.sessions.page({}, { column: 'started_at', direction: 'asc' }, 0, 3)
      expect(byStart.map((s) => s.session_id)).toEqual(['other', 'ORD_1', 'ORDX1'])
    })

    it('records a call: its row, events in order, turns, and how it was settled', async () => {
      const db = await fresh()
      const call = newCall('LIVE-1')
      expect(await db.calls.insertIfNew(call)).toBe(true)
      expect(await db.calls.insertIfNew(call)).toBe(false)
      expect((await db.calls.active()).map((c) => c.session_id)).toEqual(['LIVE-1'])
      expect((await db.calls.get('LIVE-1'))?.sentiment_reader).toBe('lexicon')
      expect(await db.calls.get('LIVE-2')).toBeNull()

      const event = (type: string, atMs: number) =>
        ({ atMs, type, direction: 'server', payload: JSON.stringify({ type }) }) as const
      await db.transaction((tx) => tx.events.append('LIVE-1', [event('a', 1), event('b', 2)]))
      await db.transaction((tx) => tx.events.append('LIVE-1', [event('c', 3.5)]))
      await db.events.append('LIVE-1', [])
      expect(await db.events.count('LIVE-1')).toBe(3)
      expect((await db.events.list('LIVE-1')).map((e) => [e.type, e.atMs])).toEqual([
        ['a', 1],
        ['b', 2],
        ['c', 3.5]
      ])

      await db.turns.replace('LIVE-1', [turn(0), turn(1)])
      await db.turns.replace('LIVE-1', [turn(0), turn(1)])
      expect(await db.turns.list('LIVE-1')).toEqual([turn(0), turn(1)])

      await db.calls.settle('LIVE-1', {
        status: 'finished',
        endedAtMs: 1_764_081_009_000,
        countedTurns: 2,
        finalizedAt: '2026-11-25T14:32:00.000Z',
        labelledBy: 'lexicon',
        labelsReason: 'no_key',
        labelsError: null
      })
      expect(await db.calls.active()).toEqual([])
      expect(await db.calls.get('LIVE-1')).toEqual({
        session_id: 'LIVE-1',
        model: 'gpt-realtime',
        started_at_ms: 1_764_081_000_000,
        status: 'finished',
        pricing: null,
        sentiment_reader: 'lexicon',
        labelled_by: 'lexicon',
        labels_reason: 'no_key',
        labels_error: null,
        channel: 'desk',
        engine: 'realtime',
        outcome: null,
        seat: null
      })
    })

    it('keeps a call that could not be finalized: marked, counted, listed, then cleared', async () => {
      const db = await fresh()
      await db.calls.insertIfNew(newCall('LIVE-1'))
      await db.calls.insertIfNew(newCall('LIVE-2'))
      const payload = JSON.stringify({ type: 'a' })
      await db.transaction((tx) =>
        tx.events.append('LIVE-1', [{ atMs: 1, type: 'a', direction: 'server', payload }])
      )
      expect(await db.callFailures.list()).toEqual([])

      await db.callFailures.mark('LIVE-1', { error: 'first', failedAt: 'T1', endedAtMs: 9_000 })
      await db.callFailures.mark('LIVE-1', { error: 'second', failedAt: 'T2', endedAtMs: null })
      const failed = {
        sessionId: 'LIVE-1',
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: 1_764_081_000_000,
        // A retry without a hang-up time keeps the one the hang-up gave.
        endedAtMs: 9_000,
        events: 1,
        failure: { error: 'second', failedAt: 'T2', attempts: 2 }
      }
      expect(await db.callFailures.list()).toEqual([failed])
      expect(await db.callFailures.get('LIVE-1')).toEqual(failed)
      expect(await db.callFailures.get('LIVE-2')).toBeNull()
      expect((await db.calls.get('LIVE-1'))?.status).toBe('failed')
      expect((await db.calls.active()).map((c) => c.session_id)).toEqual(['LIVE-2'])

      await db.calls.settle('LIVE-1', {
        status: 'finished',
        endedAtMs: 9_000,
        countedTurns: 0,
        finalizedAt: 'T3',
        labelledBy: 'lexicon',
        labelsReason: 'recovered',
        labelsError: null
      })
      await db.callFailures.clear('LIVE-1')
      expect(await db.callFailures.list()).toEqual([])
      // A finalized call is never marked again.
      await db.callFailures.mark('LIVE-1', { error: 'late', failedAt: 'T4', endedAtMs: null })
      expect((await db.calls.get('LIVE-1'))?.status).toBe('finished')
    })

    it('keeps alerts and every action on them, with the rule joined in', async () => {
      const db = await fresh()
      const raise = (sessionId: string, alertId?: number) =>
        db.alerts.insert({
          alertId,
          sessionId,
          rule: 'human_request',
          severity: 'critical',
          raisedAt: '2026-11-25T14:30:16.000Z',
          evidence: '{}'
        })
      expect(await db.alerts.nextId()).toBe(1)
      const first = await raise('LIVE-1')
      const second = await raise('LIVE-2')
      expect(await db.alerts.list([], 10).then((l) => l.map((a) => a.alert_id))).toEqual([
        second,
        first
      ])
      // An id the writer chose (a queued alert) is kept, and later ids come after it.
      expect(await raise('LIVE-3', 40)).toBe(40)
      expect(await db.alerts.nextId()).toBe(41)
      expect(await raise('LIVE-3')).toBe(41)
      expect(await db.alerts.anyEscalated('LIVE-1')).toBe(false)
      await db.transaction(async (tx) => {
        await tx.alertActions.insert({
          alertId: first,
          sessionId: 'LIVE-1',
          action: 'escalate',
          by: 'ana',
          at: '2026-11-25T14:30:40.000Z',
          note: 'handoff'
        })
        await tx.alerts.setStatus(first, 'escalated', 'ana', '2026-11-25T14:30:40.000Z', 'handoff')
      })
      expect(await db.alerts.anyEscalated('LIVE-1')).toBe(true)
      expect((await db.alerts.list(['open'], 10)).map((a) => a.alert_id)).toEqual([41, 40, second])
      expect(await db.alerts.get(first)).toMatchObject({
        session_id: 'LIVE-1',
        rule: 'human_request',
        severity: 'critical',
        status: 'escalated',
        action_by: 'ana',
        action_note: 'handoff'
      })
      expect((await db.alerts.forSession('LIVE-1')).map((a) => a.alert_id)).toEqual([first])
      expect(await db.alertActions.forSession('LIVE-1')).toEqual([
        {
          alert_id: first,
          action: 'escalate',
          action_by: 'ana',
          action_at: '2026-11-25T14:30:40.000Z',
          note: 'handoff'
        }
      ])
      expect(await db.alertActions.list({ sessionId: 'LIVE-1' })).toEqual([
        {
          actionId: expect.any(Number),
          alertId: first,
          sessionId: 'LIVE-1',
          rule: 'human_request',
          action: 'escalate',
          actionBy: 'ana',
          actionAt: '2026-11-25T14:30:40.000Z',
          note: 'handoff'
        }
      ])
    })

    it("hands the Reports the sessions' columns in id order", async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('A', { rag_used: false }), 'now')
        await tx.sessions.insertRecorded(session('B', { started_at: null }), 'now')
        await tx.sessions.insertRecorded(session('C'), 'now')
      })
      const { ids, rows } = await readColumns(db.reports)
      expect(ids).toEqual(['A', 'B', 'C'])
      expect(rows).toEqual([
        ['["complaint","negative","en","gpt-realtime","live","2026-11-25"]', 0, 2, 410, 780],
        ['["complaint","negative","en","gpt-realtime","live",null]', 1, 2, 410, 780],
        ['["complaint","negative","en","gpt-realtime","live","2026-11-25"]', 1, 2, 410, 780]
      ])
    })

    it("aggregates the alerts of the report's filter: totals, per day, escalations, first action", async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        for (const id of ['S1', 'S2', 'S3'])
          await tx.sessions.insertRecorded(
            session(id, { language: id === 'S3' ? 'fr' : 'en' }),
            'now'
          )
      })
      const raise = (sessionId: string, raisedAt: string) =>
        db.alerts.insert({
          sessionId,
          rule: 'human_request',
          severity: 'critical',
          raisedAt,
          evidence: '{}'
        })
      const a1 = await raise('S1', '2026-11-25T10:00:00.000Z')
      await raise('S1', '2026-11-25T10:00:05.000Z')
      await raise('S2', '2026-11-26T09:00:00.000Z')
      await raise('S3', '2026-11-26T09:00:00.000Z')
      await db.alertActions.insert({
        alertId: a1,
        sessionId: 'S1',
        action: 'escalate',
        by: 'ana',
        at: '2026-11-25T10:00:45.000Z',
        note: null
      })
      // Outside the filter: S3's escalation, and an alert of a call not yet in sessions.
      const a3 = await raise('S3', '2026-11-26T09:00:30.000Z')
      await db.alertActions.insert({
        alertId: a3,
        sessionId: 'S3',
        action: 'escalate',
        by: 'ana',
        at: '2026-11-26T09:01:00.000Z',
        note: null
      })
      await raise('LIVE-9', '2026-11-26T09:00:00.000Z')
      const english = { language: ['en'] }
      const figures = await db.reports.alertFigures(english, await selectionOf(db.reports, english))
      expect(figures).toMatchObject({
        sessions: 2,
        alerts: 3,
        alertedSessions: 2,
        escalatedSessions: 1,
        escalatedSessionIds: ['S1'],
        escalationRatePct: 50,
        perDay: [
          { day: '2026-11-25', rule: 'human_request', alerts: 2, sessions: 1, sessionIds: ['S1'] },
          { day: '2026-11-26', rule: 'human_request', alerts: 1, sessions: 1, sessionIds: ['S2'] }
        ]
      })
      expect(figures.firstAction).toMatchObject({
        actedSessions: 1,
        unactedSessions: 1,
        medianMs: 45_000,
        p90Ms: 45_000
      })
      expect(figures.firstAction.bins[1]).toEqual({
        fromMs: 30_000,
        toMs: 60_000,
        sessions: 1,
        sessionIds: ['S1']
      })
      const everyone = await db.reports.alertFigures({}, await selectionOf(db.reports, {}))
      expect(everyone).toMatchObject({
        sessions: 3,
        alerts: 5,
        alertedSessions: 3,
        escalatedSessions: 2,
        escalatedSessionIds: ['S1', 'S3']
      })
      expect(everyone.firstAction).toMatchObject({ actedSessions: 2, unactedSessions: 1 })
    })

    it('counts the backtest cells in SQL, and lists the sessions with events', async () => {
      const db = await fresh()
      await db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('N3', { interruptions: 3 }), 'now')
        await tx.sessions.insertRecorded(session('N0', { interruptions: 0 }), 'now')
        await tx.sessions.insertRecorded(
          session('P5', { interruptions: 5, sentiment: 'positive' }),
          'now'
        )
        await tx.sessions.insertRecorded(session('EV', { interruptions: 9 }), 'now')
        await tx.events.append('EV', [{ atMs: 1, type: 'a', direction: 'server', payload: '{}' }])
      })
      expect(await db.backtest.sessionLevelCells({}, 3)).toEqual({
        counts: { tp: 1, fp: 1, fn: 1, tn: 0 },
        ids: { tp: ['N3'], fp: ['P5'], fn: ['N0'], tn: [] }
      })
      expect(await db.backtest.sessionsWithEvents({})).toEqual([
        { session_id: 'EV', sentiment: 'negative' }
      ])
    })
  })
}
