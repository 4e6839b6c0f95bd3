import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { TurnRow } from '../../../src/shared/live-call/recordedCall'
import type { StoredSession } from '../../../src/shared/sessions/labSchema'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { openSqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'
import { useTempDir } from '../../support/tempDir'

// What every backend of the session database must do, whatever its SQL. A PostgreSQL backend
// adds its opener to BACKENDS and passes the same tests.

const BACKENDS: { name: string; open: (dir: string) => SessionDatabase }[] = [
  { name: 'SQLite', open: (dir) => openSqliteSessionDatabase(join(dir, 'sessions.sqlite')) }
]

const session = (id: string, more: Partial<StoredSession> = {}): StoredSession => ({
  session_id: id,
  scenario: 'complaint',
  duration_sec: 61.5,
  latency_p50_ms: 410,
  latency_p95_ms: 780,
  interruptions: 2,
  turns: 7,
  sentiment: 'negative',
  model: 'gpt-realtime',
  rag_used: true,
  language: 'en',
  started_at: '2026-11-25T14:30:00.000Z',
  ended_at: '2026-11-25T14:31:01.500Z',
  source: 'live',
  at_ear_p50_ms: 450,
  at_ear_p95_ms: null,
  backchannels: 1,
  echo_suspects: 0,
  tool_calls: 2,
  tool_ms_p50: 35.5,
  input_tokens: 1200,
  output_tokens: 800,
  cost_usd: 0.042,
  escalated: null,
  ...more
})

const turn = (index: number): TurnRow => ({
  turn_index: index,
  kind: index === 1 ? 'barge_in' : 'turn',
  caller_start_ms: 100 * index,
  caller_stop_ms: 100 * index + 50,
  agent_start_ms: null,
  agent_stop_ms: null,
  latency_ms: 420,
  at_ear_latency_ms: null,
  barge_in: index === 1,
  heard_ms: null,
  heard_pct: null,
  backchannel: false,
  echo_suspect: false,
  caller_text: 'where is my order',
  agent_text: null,
  agent_heard_text: null
})

describe.each(BACKENDS)('SessionDatabase on $name', ({ open }) => {
  const tmp = useTempDir()
  let db: SessionDatabase | undefined
  afterEach(() => {
    db?.close()
    db = undefined
  })
  const fresh = (): SessionDatabase => (db = open(tmp.path()))

  it('stores a recorded session as it was given, and moves the version once per write', () => {
    const db = fresh()
    expect(db.sessions.version()).toBe('0')
    const row = session('LIVE-1')
    db.transaction(() => db.sessions.insertRecorded(row, '2026-11-25T14:32:00.000Z'))
    expect(db.sessions.get('LIVE-1')).toEqual(row)
    expect(db.sessions.exists('LIVE-1')).toBe(true)
    expect(db.sessions.get('LIVE-2')).toBeNull()
    const after = db.sessions.version()
    expect(after).not.toBe('0')
    db.transaction(() => db.sessions.markEscalated('LIVE-1'))
    expect(db.sessions.get('LIVE-1')?.escalated).toBe(true)
    const marked = db.sessions.version()
    expect(marked).not.toBe(after)
    db.transaction(() => db.sessions.markEscalated('LIVE-1'))
    expect(db.sessions.version()).toBe(marked)
  })

  it('undoes a transaction that throws, and refuses async work', () => {
    const db = fresh()
    expect(() =>
      db.transaction(() => {
        db.sessions.insertRecorded(session('LIVE-1'), 'now')
        throw new Error('boom')
      })
    ).toThrow('boom')
    expect(db.sessions.count()).toBe(0)
    expect(db.sessions.version()).toBe('0')
    expect(() => db.transaction(async () => undefined)).toThrow()
  })

  it('pages and streams sessions with filters', () => {
    const db = fresh()
    db.transaction(() => {
      for (const id of ['A', 'B', 'C'])
        db.sessions.insertRecorded(session(id, { language: id === 'B' ? 'es' : 'en' }), 'now')
    })
    expect(db.sessions.count({ language: ['en'] })).toBe(2)
    const sort = { column: 'session_id', direction: 'desc' } as const
    expect(db.sessions.page({}, sort, 1, 5).map((s) => s.session_id)).toEqual(['B', 'A'])
    expect([...db.sessions.storedPages({})].flat().map((s) => s.session_id)).toEqual([
      'A',
      'B',
      'C'
    ])
    const lab = [...db.sessions.labPages({ language: ['es'] })].flat()
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

  it('records a call: its row, events in order, turns, and how it was settled', () => {
    const db = fresh()
    const call = {
      sessionId: 'LIVE-1',
      callId: null,
      provider: 'openai',
      model: 'gpt-realtime',
      startedAtMs: 1_000,
      pricing: null,
      sentimentReader: 'lexicon'
    }
    expect(db.calls.insertIfNew(call)).toBe(true)
    expect(db.calls.insertIfNew(call)).toBe(false)
    expect(db.calls.active().map((c) => c.session_id)).toEqual(['LIVE-1'])
    expect(db.calls.get('LIVE-1')?.sentiment_reader).toBe('lexicon')
    expect(db.calls.get('LIVE-2')).toBeNull()

    const event = (type: string, atMs: number) =>
      ({ atMs, type, direction: 'server', payload: JSON.stringify({ type }) }) as const
    db.transaction(() => db.events.append('LIVE-1', [event('a', 1), event('b', 2)]))
    db.transaction(() => db.events.append('LIVE-1', [event('c', 3)]))
    expect(db.events.count('LIVE-1')).toBe(3)
    expect(db.events.list('LIVE-1').map((e) => [e.type, e.atMs])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3]
    ])

    db.turns.replace('LIVE-1', [turn(0), turn(1)])
    db.turns.replace('LIVE-1', [turn(0), turn(1)])
    expect(db.turns.list('LIVE-1')).toEqual([turn(0), turn(1)])

    db.calls.settle('LIVE-1', {
      status: 'finished',
      endedAtMs: 9_000,
      countedTurns: 2,
      finalizedAt: '2026-11-25T14:32:00.000Z',
      labelledBy: 'lexicon',
      labelsReason: 'no_key',
      labelsError: null
    })
    expect(db.calls.active()).toEqual([])
    expect(db.calls.get('LIVE-1')).toEqual({
      session_id: 'LIVE-1',
      model: 'gpt-realtime',
      started_at_ms: 1_000,
      status: 'finished',
      pricing: null,
      sentiment_reader: 'lexicon',
      labelled_by: 'lexicon',
      labels_reason: 'no_key',
      labels_error: null
    })
  })

  it('keeps a call that could not be finalized: marked, counted, listed, then cleared', () => {
    const db = fresh()
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
    begin('LIVE-1')
    begin('LIVE-2')
    const payload = JSON.stringify({ type: 'a' })
    db.transaction(() =>
      db.events.append('LIVE-1', [{ atMs: 1, type: 'a', direction: 'server', payload }])
    )
    expect(db.callFailures.list()).toEqual([])

    db.callFailures.mark('LIVE-1', { error: 'first', failedAt: 'T1', endedAtMs: 9_000 })
    db.callFailures.mark('LIVE-1', { error: 'second', failedAt: 'T2', endedAtMs: null })
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
    expect(db.callFailures.list()).toEqual([failed])
    expect(db.callFailures.get('LIVE-1')).toEqual(failed)
    expect(db.callFailures.get('LIVE-2')).toBeNull()
    expect(db.calls.get('LIVE-1')?.status).toBe('failed')
    expect(db.calls.active().map((c) => c.session_id)).toEqual(['LIVE-2'])
    expect(db.events.count('LIVE-1')).toBe(1)

    db.calls.settle('LIVE-1', {
      status: 'finished',
      endedAtMs: 9_000,
      countedTurns: 0,
      finalizedAt: 'T3',
      labelledBy: 'lexicon',
      labelsReason: 'recovered',
      labelsError: null
    })
    db.callFailures.clear('LIVE-1')
    expect(db.callFailures.list()).toEqual([])
    // A finalized call is never marked again.
    db.callFailures.mark('LIVE-1', { error: 'late', failedAt: 'T4', endedAtMs: null })
    expect(db.calls.get('LIVE-1')?.status).toBe('finished')
  })

  it('keeps alerts and every action on them, with the rule joined in', () => {
    const db = fresh()
    const raise = (sessionId: string) =>
      db.alerts.insert({
        sessionId,
        rule: 'human_request',
        severity: 'critical',
        raisedAt: '2026-11-25T14:30:16.000Z',
        evidence: '{}'
      })
    const first = raise('LIVE-1')
    const second = raise('LIVE-2')
    expect(db.alerts.list([], 10).map((a) => a.alert_id)).toEqual([second, first])
    expect(db.alerts.anyEscalated('LIVE-1')).toBe(false)
    db.transaction(() => {
      db.alertActions.insert({
        alertId: first,
        sessionId: 'LIVE-1',
        action: 'escalate',
        by: 'ana',
        at: '2026-11-25T14:30:40.000Z',
        note: 'handoff'
      })
      db.alerts.setStatus(first, 'escalated', 'ana', '2026-11-25T14:30:40.000Z', 'handoff')
    })
    expect(db.alerts.anyEscalated('LIVE-1')).toBe(true)
    expect(db.alerts.list(['open'], 10).map((a) => a.alert_id)).toEqual([second])
    expect(db.alerts.get(first)).toMatchObject({
      session_id: 'LIVE-1',
      rule: 'human_request',
      severity: 'critical',
      status: 'escalated',
      action_by: 'ana',
      action_note: 'handoff'
    })
    expect(db.alerts.forSession('LIVE-1').map((a) => a.alert_id)).toEqual([first])
    expect(db.alertActions.forSession('LIVE-1')).toEqual([
      {
        alert_id: first,
        action: 'escalate',
        action_by: 'ana',
        action_at: '2026-11-25T14:30:40.000Z',
        note: 'handoff'
      }
    ])
    expect(db.alertActions.list({ sessionId: 'LIVE-1' })).toEqual([
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

  it('keeps small facts in meta', () => {
    const db = fresh()
    expect(db.meta.get('pilot_seeded_at')).toBeUndefined()
    db.meta.set('pilot_seeded_at', 'then')
    db.meta.set('pilot_seeded_at', 'now')
    expect(db.meta.get('pilot_seeded_at')).toBe('now')
  })
})
