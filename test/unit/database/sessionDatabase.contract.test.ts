import { afterEach, describe, expect, it } from 'vitest'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { readColumns, session, turn } from './contractFixtures'
import { postgresBackendOn, sqliteBackend, type SessionDatabaseBackend } from './databaseBackends'
import { rulesContractCases } from './rulesContract'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// What every backend of the session database must do, whatever its SQL (storing a recorded
// session is asyncContract.ts's, keeping meta is this file's, the escalation rules are
// rulesContract.ts's, run here): SQLite and
// PostgreSQL (a scratch server for this file; skipped without one unless CI is set) pass the
// same tests.
describe('SessionDatabase on SQLite', () => contractCases(sqliteBackend()))
describe.skipIf(skipWithoutPostgres)('SessionDatabase on PostgreSQL', () => {
  const pg = usePostgres()
  contractCases(postgresBackendOn(pg))
})

/** Every page of an async page stream, flat. */
async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = []
  for await (const page of pages) rows.push(...page)
  return rows
}

/** A promise and its resolve, to hold a transaction open while a test looks around. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

function contractCases(backend: SessionDatabaseBackend): void {
  afterEach(() => backend.close())
  const fresh = (): Promise<SessionDatabase> => backend.open()

  it('undoes a transaction that rejects, and returns what its work resolved to', async () => {
    const db = await fresh()
    await expect(
      db.transaction(async (tx) => {
        await tx.sessions.insertRecorded(session('LIVE-1'), 'now')
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    expect(await db.sessions.count()).toBe(0)
    expect(await db.sessions.version()).toBe('0')
    expect(await db.transaction(async (tx) => tx.sessions.count())).toBe(0)
  })

  it('never shows a transaction to others before it commits, nor undoes their writes', async () => {
    const db = await fresh()
    const held = deferred()
    const inserted = deferred()
    const rolledBack = db.transaction(async (tx) => {
      await tx.sessions.insertRecorded(session('LIVE-1'), 'now')
      inserted.resolve()
      await held.promise
      throw new Error('undo')
    })
    await inserted.promise
    // Asked while the transaction is open (a backend may answer at once, or after it ends).
    const countDuring = db.sessions.count()
    const writeDuring = db.meta.set('written_outside', 'yes')
    held.resolve()
    await expect(rolledBack).rejects.toThrow('undo')
    expect(await countDuring).toBe(0)
    await writeDuring
    expect(await db.meta.get('written_outside')).toBe('yes')
    expect(await db.sessions.exists('LIVE-1')).toBe(false)
  })

  it('runs concurrent transactions whole: each commits all of its writes or none', async () => {
    const db = await fresh()
    const ids = ['A', 'B', 'C', 'D']
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        db.transaction(async (tx) => {
          await tx.sessions.insertRecorded(session(`${id}-1`), 'now')
          await tx.sessions.insertRecorded(session(`${id}-2`), 'now')
          if (i % 2 === 1) throw new Error(`undo ${id}`)
          return id
        })
      )
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected'])
    expect((await all(db.sessions.storedPages({}))).map((s) => s.session_id)).toEqual([
      'A-1',
      'A-2',
      'C-1',
      'C-2'
    ])
  })

  it('pages and streams sessions with filters', async () => {
    const db = await fresh()
    await db.transaction(async (tx) => {
      for (const id of ['A', 'B', 'C'])
        await tx.sessions.insertRecorded(session(id, { language: id === 'B' ? 'es' : 'en' }), 'now')
    })
    expect(await db.sessions.count({ language: ['en'] })).toBe(2)
    const sort = { column: 'session_id', direction: 'desc' } as const
    expect((await db.sessions.page({}, sort, 1, 5)).map((s) => s.session_id)).toEqual(['B', 'A'])
    expect((await all(db.sessions.storedPages({}))).map((s) => s.session_id)).toEqual([
      'A',
      'B',
      'C'
    ])
    const lab = await all(db.sessions.labPages({ language: ['es'] }))
    expect(lab).toEqual([
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

  it('records a call: its row, events in order, turns, and how it was settled', async () => {
    const db = await fresh()
    const call = {
      sessionId: 'LIVE-1',
      callId: null,
      provider: 'openai',
      model: 'gpt-realtime',
      startedAtMs: 1_000,
      pricing: null,
      sentimentReader: 'lexicon'
    }
    expect(await db.calls.insertIfNew(call)).toBe(true)
    expect(await db.calls.insertIfNew(call)).toBe(false)
    expect((await db.calls.active()).map((c) => c.session_id)).toEqual(['LIVE-1'])
    expect((await db.calls.get('LIVE-1'))?.sentiment_reader).toBe('lexicon')
    expect(await db.calls.get('LIVE-2')).toBeNull()

    const event = (type: string, atMs: number) =>
      ({ atMs, type, direction: 'server', payload: JSON.stringify({ type }) }) as const
    await db.transaction((tx) => tx.events.append('LIVE-1', [event('a', 1), event('b', 2)]))
    await db.transaction((tx) => tx.events.append('LIVE-1', [event('c', 3)]))
    expect(await db.events.count('LIVE-1')).toBe(3)
    expect((await db.events.list('LIVE-1')).map((e) => [e.type, e.atMs])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3]
    ])

    await db.turns.replace('LIVE-1', [turn(0), turn(1)])
    await db.turns.replace('LIVE-1', [turn(0), turn(1)])
    expect(await db.turns.list('LIVE-1')).toEqual([turn(0), turn(1)])

    await db.calls.settle('LIVE-1', {
      status: 'finished',
      endedAtMs: 9_000,
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
      started_at_ms: 1_000,
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

  it('filters sessions by engine: GPT-Live calls, or everything else as Realtime', async () => {
    const db = await fresh()
    await db.transaction(async (tx) => {
      for (const id of ['SEED', 'LIVE-RT', 'LIVE-GL'])
        await tx.sessions.insertRecorded(session(id), 'now')
    })
    for (const [id, engine] of [
      ['LIVE-RT', undefined],
      ['LIVE-GL', 'live']
    ] as const)
      await db.calls.insertIfNew({
        sessionId: id,
        callId: null,
        provider: 'custom',
        model: 'm',
        startedAtMs: 1_000,
        pricing: null,
        sentimentReader: 'lexicon',
        ...(engine ? { engine } : {})
      })
    const ids = async (engine: 'realtime' | 'live'): Promise<string[]> =>
      (await db.sessions.page({ engine }, { column: 'session_id', direction: 'asc' }, 0, 10)).map(
        (r) => r.session_id
      )
    expect(await ids('live')).toEqual(['LIVE-GL'])
    expect(await ids('realtime')).toEqual(['LIVE-RT', 'SEED'])
    expect(await db.sessions.count({ engine: 'live' })).toBe(1)
  })

  it("keeps a call's engine: Realtime by default, GPT-Live as a Live call begins it", async () => {
    const db = await fresh()
    const begin = (sessionId: string, engine?: 'live') =>
      db.calls.insertIfNew({
        sessionId,
        callId: 'live_1',
        provider: 'openai',
        model: engine ? 'gpt-live-1' : 'gpt-realtime',
        startedAtMs: 1_000,
        pricing: null,
        sentimentReader: 'lexicon',
        ...(engine ? { engine } : {})
      })
    await begin('LIVE-RT')
    await begin('LIVE-GL', 'live')
    expect((await db.calls.active()).map((c) => [c.session_id, c.engine])).toEqual([
      ['LIVE-GL', 'live'],
      ['LIVE-RT', 'realtime']
    ])
  })

  it("reads a call's inputs after a sequence number, a page at a time, without skipped types", async () => {
    const db = await fresh()
    const event = (type: string, atMs: number) =>
      ({ atMs, type, direction: 'server', payload: JSON.stringify({ type }) }) as const
    const types = ['a', 'audio', 'b', 'audio', 'c', 'd']
    await db.events.append(
      'LIVE-1',
      types.map((type, i) => event(type, i * 10))
    )
    await db.events.append('LIVE-2', [event('other', 0)])
    const read = async (after: number, limit: number) =>
      (await db.events.since('LIVE-1', after, limit, ['audio'])).map((e) => [e.seq, e.type, e.atMs])
    expect(await read(-1, 100)).toEqual([
      [0, 'a', 0],
      [2, 'b', 20],
      [4, 'c', 40],
      [5, 'd', 50]
    ])
    expect(await read(-1, 2)).toEqual([
      [0, 'a', 0],
      [2, 'b', 20]
    ])
    expect(await read(2, 2)).toEqual([
      [4, 'c', 40],
      [5, 'd', 50]
    ])
    expect(await read(5, 2)).toEqual([])
    expect((await db.events.since('LIVE-1', 3, 10, []))[0]?.type).toBe('c')
    expect(JSON.parse((await db.events.since('LIVE-2', -1, 1, []))[0]!.payload)).toEqual({
      type: 'other'
    })
  })

  it("keeps a call's channel: a desk's by default, a phone call's as the gateway begins it", async () => {
    const db = await fresh()
    const begin = (sessionId: string, channel?: 'phone' | 'web') =>
      db.calls.insertIfNew({
        sessionId,
        callId: 'rtc_1',
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: 1_000,
        pricing: null,
        sentimentReader: 'lexicon',
        seat: 'gw-a',
        ...(channel ? { channel } : {})
      })
    await begin('LIVE-DESK')
    await begin('LIVE-PHONE', 'phone')
    await begin('LIVE-WEB', 'web')
    expect((await db.calls.active()).map((c) => [c.session_id, c.channel])).toEqual([
      ['LIVE-DESK', 'desk'],
      ['LIVE-PHONE', 'phone'],
      ['LIVE-WEB', 'web']
    ])
  })

  it('claims a webhook delivery once by its webhook-id, and gives it up for a retry', async () => {
    const db = await fresh()
    const delivery = (instance: string) => ({
      webhookId: 'wh_0123',
      eventType: 'realtime.call.incoming',
      callId: 'rtc_1',
      instance,
      receivedAt: '2026-12-07T10:00:00.000Z'
    })
    const claims = await Promise.all([
      db.webhookDeliveries.claim(delivery('gw-a')),
      db.webhookDeliveries.claim(delivery('gw-b'))
    ])
    expect(claims.sort()).toEqual([false, true])
    expect(await db.webhookDeliveries.claim(delivery('gw-a'))).toBe(false)
    await db.webhookDeliveries.release('wh_0123')
    expect(await db.webhookDeliveries.claim(delivery('gw-b'))).toBe(true)
    expect(await db.webhookDeliveries.claim({ ...delivery('gw-a'), webhookId: 'wh_4567' })).toBe(
      true
    )
  })

  it("keeps a supervisor's commands to a gateway call: taken once, finished, and the call's outcome", async () => {
    const db = await fresh()
    await db.calls.insertIfNew({
      sessionId: 'LIVE-PHONE',
      callId: 'rtc_1',
      provider: 'openai',
      model: 'gpt-realtime',
      startedAtMs: 1_000,
      pricing: null,
      sentimentReader: 'lexicon',
      channel: 'phone'
    })
    const command = {
      sessionId: 'LIVE-PHONE',
      targetSeat: 'gw-a',
      action: 'transfer' as const,
      note: 'Handoff — call LIVE-PHONE',
      alertId: null,
      bySeat: 'lead',
      at: '2026-12-07T10:00:00.000Z'
    }
    const first = await db.callCommands.insert(command)
    const second = await db.callCommands.insert({
      ...command,
      action: 'instruct',
      note: 'Be brief'
    })
    expect(second).toBeGreaterThan(first)
    // Two instances hearing the same announcement: one takes it.
    const taken = await Promise.all([db.callCommands.start(first), db.callCommands.start(first)])
    expect(taken.sort()).toEqual([false, true])
    await db.callCommands.finish(first, 'done', '2026-12-07T10:00:01.000Z', null)
    expect(await db.callCommands.start(first)).toBe(false)
    await db.callCommands.finish(second, 'failed', '2026-12-07T10:00:02.000Z', 'call not held here')
    expect(await db.callCommands.get(first)).toEqual({
      ...command,
      commandId: first,
      status: 'done',
      doneAt: '2026-12-07T10:00:01.000Z',
      result: null
    })
    expect(await db.callCommands.get(999_999)).toBeNull()
    expect(
      (await db.callCommands.forSession('LIVE-PHONE')).map((c) => [c.action, c.status, c.result])
    ).toEqual([
      ['transfer', 'done', null],
      ['instruct', 'failed', 'call not held here']
    ])
    await expect(
      db.callCommands.insert({ ...command, action: 'dance' as 'transfer' })
    ).rejects.toThrow()
    expect((await db.calls.get('LIVE-PHONE'))?.outcome).toBeNull()
    await db.calls.setOutcome('LIVE-PHONE', 'transferred')
    expect((await db.calls.get('LIVE-PHONE'))?.outcome).toBe('transferred')
  })

  it('counts calls by channel for Reports: handled, transferred, abandoned, contained, handle time, first alert action', async () => {
    const db = await fresh()
    const T0 = 1_796_000_000_000
    const call = async (
      sessionId: string,
      channel: 'desk' | 'phone' | 'web',
      seconds: number | null,
      more: { language?: string; events?: [number, string][]; outcome?: 'transferred' } = {}
    ): Promise<void> => {
      await db.calls.insertIfNew({
        sessionId,
        callId: `rtc_${sessionId}`,
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: T0,
        pricing: null,
        sentimentReader: 'lexicon',
        channel
      })
      if (more.events)
        await db.events.append(
          sessionId,
          more.events.map(([atMs, type]) => ({ atMs, type, payload: '{}', direction: 'server' }))
        )
      if (seconds === null) return
      if (more.outcome) await db.calls.setOutcome(sessionId, more.outcome)
      await db.calls.settle(sessionId, {
        status: 'finished',
        endedAtMs: T0 + seconds * 1000,
        countedTurns: 1,
        finalizedAt: '2026-12-07T10:00:00.000Z',
        labelledBy: 'lexicon',
        labelsReason: 'no_key',
        labelsError: null
      })
      await db.sessions.insertRecorded(
        session(sessionId, { language: more.language ?? 'en', source: 'live' }),
        'now'
      )
    }
    await call('LIVE-P1', 'phone', 240)
    await call('LIVE-P2', 'phone', 90, { outcome: 'transferred' })
    // Greeting heard to its end at 3.5 s, hung up at 9 s: abandoned.
    await call('LIVE-P3', 'phone', 9, {
      events: [
        [1_000, 'response.done'],
        [3_500, 'output_audio_buffer.stopped'],
        [9_000, 'output_audio_buffer.stopped']
      ]
    })
    // Hung up 20 s after the greeting: served, not abandoned.
    await call('LIVE-P4', 'phone', 25, {
      events: [
        [4_000, 'output_audio_buffer.stopped'],
        [24_000, 'response.done']
      ]
    })
    await call('LIVE-W1', 'web', 60, { language: 'es' })
    await call('LIVE-D1', 'desk', 30)
    await call('LIVE-RUNNING', 'phone', null)
    const alertId = await db.alerts.insert({
      sessionId: 'LIVE-P2',
      rule: 'human_request',
      severity: 'critical',
      raisedAt: '2026-12-07T10:00:00.000Z',
      evidence: '{}'
    })
    await db.alerts.insert({
      sessionId: 'LIVE-P1',
      rule: 'interruptions_total',
      severity: 'warning',
      raisedAt: '2026-12-07T10:00:00.000Z',
      evidence: '{}'
    })
    for (const at of ['2026-12-07T10:00:12.000Z', '2026-12-07T10:00:30.000Z'])
      await db.alertActions.insert({
        alertId,
        sessionId: 'LIVE-P2',
        action: 'acknowledge',
        by: 'lead',
        at,
        note: null
      })

    const { channels } = await db.reports.channelFigures({})
    expect(channels).toEqual([
      {
        channel: 'desk',
        handled: 1,
        contained: 1,
        transferred: 0,
        abandoned: 0,
        averageHandleMs: 30_000,
        medianFirstActionMs: null,
        actedAlerts: 0,
        alerts: 0
      },
      {
        channel: 'phone',
        handled: 4,
        contained: 2,
        transferred: 1,
        abandoned: 1,
        averageHandleMs: ((240 + 90 + 9 + 25) / 4) * 1000,
        medianFirstActionMs: 12_000,
        actedAlerts: 1,
        alerts: 2
      },
      {
        channel: 'web',
        handled: 1,
        contained: 1,
        transferred: 0,
        abandoned: 0,
        averageHandleMs: 60_000,
        medianFirstActionMs: null,
        actedAlerts: 0,
        alerts: 0
      }
    ])
    // The report's filters apply (they speak of the sessions' columns).
    expect(
      (await db.reports.channelFigures({ language: ['es'] })).channels.map((c) => c.channel)
    ).toEqual(['web'])
  })

  it('keeps a call that could not be finalized: marked, counted, listed, then cleared', async () => {
    const db = await fresh()
    const begin = (sessionId: string) =>
      db.calls.insertIfNew({
        sessionId,
        callId: null,
        provider: 'openai',
        model: 'gpt-realtime',
        startedAtMs: 1_000,
        pricing: null,
        sentimentReader: 'lexicon'
      })
    await begin('LIVE-1')
    await begin('LIVE-2')
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
      startedAtMs: 1_000,
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
    expect(await db.events.count('LIVE-1')).toBe(1)

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
    const raise = (sessionId: string) =>
      db.alerts.insert({
        sessionId,
        rule: 'human_request',
        severity: 'critical',
        raisedAt: '2026-11-25T14:30:16.000Z',
        evidence: '{}'
      })
    const first = await raise('LIVE-1')
    const second = await raise('LIVE-2')
    expect((await db.alerts.list([], 10)).map((a) => a.alert_id)).toEqual([second, first])
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
    expect((await db.alerts.list(['open'], 10)).map((a) => a.alert_id)).toEqual([second])
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

  it('hands the report columns to the visitor, with the ids in session_id order', async () => {
    const db = await fresh()
    await db.transaction(async (tx) => {
      for (const id of ['C', 'A', 'B'])
        await tx.sessions.insertRecorded(session(id, { rag_used: id !== 'B' }), 'now')
    })
    const { ids, rows } = await readColumns(db.reports)
    expect(ids).toEqual(['A', 'B', 'C'])
    expect(rows[1]!.slice(1)).toEqual([0, 2, 410, 780])
    expect(JSON.parse(String(rows[0]![0]))).toEqual([
      'complaint',
      'negative',
      'en',
      'gpt-realtime',
      'live',
      '2026-11-25'
    ])
  })

  it('imports all or nothing: nothing shows before commit, a refused id commits nothing', async () => {
    const db = await fresh()
    const lab = (id: string): LabSession => {
      const row = session(id)
      return {
        session_id: id,
        scenario: row.scenario,
        duration_sec: row.duration_sec,
        latency_p50_ms: row.latency_p50_ms,
        latency_p95_ms: row.latency_p95_ms,
        interruptions: row.interruptions,
        turns: row.turns,
        sentiment: row.sentiment,
        model: row.model,
        rag_used: row.rag_used,
        language: row.language
      }
    }
    const refused: [string, number, string][] = []
    const begin = () =>
      db.beginImport({
        policy: 'fail',
        source: 'import',
        recordedAt: '2026-11-25T15:00:00.000Z',
        onConflict: (id, row, takenBy) => void refused.push([id, row, takenBy])
      })
    const first = await begin()
    first.sessions.add(lab('I1'), 2)
    first.sessions.add(lab('I2'), 3)
    await first.sessions.flush()
    expect(await db.sessions.count()).toBe(0)
    expect(await first.commit()).toBe(true)
    await first.close()
    expect(first.sessions.inserted).toBe(2)
    expect(await db.sessions.get('I2')).toMatchObject({ source: 'import', language: 'en' })
    const version = await db.sessions.version()
    expect(version).not.toBe('0')

    const second = await begin()
    second.sessions.add(lab('I3'), 2)
    second.sessions.add(lab('I1'), 3)
    await second.sessions.flush()
    expect(await second.commit()).toBe(false)
    await second.close()
    expect(refused).toEqual([['I1', 3, 'session']])
    expect(await db.sessions.exists('I3')).toBe(false)
    expect(await db.sessions.version()).toBe(version)
  })

  it('keeps small facts in meta', async () => {
    const db = await fresh()
    expect(await db.meta.get('pilot_seeded_at')).toBeUndefined()
    await db.meta.set('pilot_seeded_at', 'then')
    await db.meta.set('pilot_seeded_at', 'now')
    expect(await db.meta.get('pilot_seeded_at')).toBe('now')
  })

  rulesContractCases(backend)
}
