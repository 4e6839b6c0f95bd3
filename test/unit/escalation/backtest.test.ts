import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AlertStore } from '../../../src/main/escalation/AlertStore'
import { LiveAlertMonitor } from '../../../src/main/escalation/LiveAlertMonitor'
import { replayCall } from '../../../src/shared/live-call/callReducer'
import {
  EscalationBacktest,
  SESSION_LEVEL_NOTE
} from '../../../src/main/escalation/EscalationBacktest'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import type { RuleBacktest } from '../../../src/shared/escalation/backtestSchema'
import { cellOf } from '../../../src/shared/escalation/confusionTally'
import { DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS } from '../../../src/shared/escalation/thresholds'
import type { KnownCallInput } from '../../../src/shared/live-call/callEvents'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { openReportDb } from '../reports/reportFixtures'
import { useTempDir } from '../../support/tempDir'
import { overAgentCall } from './scriptedCalls'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const rule = (rules: RuleBacktest[], id: string): RuleBacktest => rules.find((r) => r.rule === id)!
const counts = (r: RuleBacktest): Record<string, number> =>
  Object.fromEntries(Object.entries(r.cells).map(([cell, tally]) => [cell, tally.count]))

describe('backtest on the pilot (session level)', () => {
  const tmp = useTempDir()

  it('"≥ 3 interruptions" flags S03, S09, S14: precision 1.0, recall 0.75', async () => {
    const { store } = await openReportDb(tmp.path())
    const result = await new EscalationBacktest(store.database).run(DEFAULTS)
    const total = rule(result.rules, 'interruptions_total')
    expect(total.cells.tp.sessionIds).toEqual(['S03', 'S09', 'S14'])
    expect(total.cells.fp.sessionIds).toEqual([])
    expect(total.cells.fn.sessionIds).toEqual(['S06'])
    expect(total.cells.tn.count).toBe(11)
    expect(total.precision).toBe(1)
    expect(total.recall).toBe(0.75)
    expect(result.combined).toMatchObject({ precision: 1, recall: 0.75, evaluated: 15 })
    expect(result).toMatchObject({ sessions: 15, sessionLevel: 15, turnLevel: 0 })
    // The rules that need turns and transcripts cannot judge a CSV row, and say so.
    expect(rule(result.rules, 'human_request')).toMatchObject({
      evaluated: 0,
      notEvaluated: 15,
      precision: null
    })
    expect(result.notes).toEqual([SESSION_LEVEL_NOTE])
    await store.close()
  })

  it('follows the threshold and the filter', async () => {
    const { store } = await openReportDb(tmp.path())
    const backtest = new EscalationBacktest(store.database)
    const two = structuredClone(DEFAULTS)
    two.interruptions.total = 2
    const loose = rule((await backtest.run(two)).rules, 'interruptions_total')
    // S04 (2, positive) and S12 (2, neutral) join the flagged sessions.
    expect(loose.cells.fp.sessionIds).toEqual(['S04', 'S12'])
    expect(loose.precision).toBe(3 / 5)
    const complaints = await backtest.run(DEFAULTS, { scenario: ['complaint'] })
    expect(complaints.sessions).toBe(3)
    expect(counts(rule(complaints.rules, 'interruptions_total'))).toEqual({
      tp: 3,
      fp: 0,
      fn: 0,
      tn: 0
    })
    const off = structuredClone(DEFAULTS)
    off.interruptions.enabled = false
    expect((await backtest.run(off)).combined).toMatchObject({ evaluated: 0, precision: null })
    await store.close()
  })
})

describe('backtest on a generated set', () => {
  const tmp = useTempDir()

  it('matches a count made directly from the CSV, and caps the listed ids', async () => {
    const { store, sessions } = await openReportDb(tmp.path(), 3000)
    const result = await new EscalationBacktest(store.database).run(DEFAULTS)
    const expected = { tp: 0, fp: 0, fn: 0, tn: 0 }
    for (const s of sessions) expected[cellOf(s.interruptions >= 3, s.sentiment === 'negative')]++
    const total = rule(result.rules, 'interruptions_total')
    expect(counts(total)).toEqual(expected)
    expect(total.precision).toBeCloseTo(expected.tp / (expected.tp + expected.fp), 12)
    expect(total.recall).toBeCloseTo(expected.tp / (expected.tp + expected.fn), 12)
    expect(total.cells.tn.sessionIds).toHaveLength(Math.min(500, expected.tn))
    expect(total.cells.tn.sessionIds.slice(0, 3)).toEqual(
      sessions
        .filter((s) => cellOf(s.interruptions >= 3, s.sentiment === 'negative') === 'tn')
        .map((s) => s.session_id)
        .sort()
        .slice(0, 3)
    )
    console.info(
      `generated 3000 + pilot: ${JSON.stringify(expected)} precision ${total.precision?.toFixed(3)} recall ${total.recall?.toFixed(3)}`
    )
    await store.close()
  })
})

describe('backtest of live calls (turn level, replayed from stored events)', () => {
  const tmp = useTempDir()

  /**
   * A finished live call as the recorder leaves it: its inputs in the events table (payload =
   * the event's JSON, at_ms = the page clock) and a session row whose sentiment the test sets.
   */
  function recordCall(
    store: SessionStore<SqliteSessionDatabase>,
    id: string,
    inputs: KnownCallInput[],
    sentiment: string
  ): string {
    const insert = store.database.connection.prepare(
      'INSERT INTO events (session_id, seq, at_ms, direction, type, payload) VALUES (?, ?, ?, ?, ?, ?)'
    )
    inputs.forEach(({ t, event }, seq) =>
      insert.run(id, seq, t, 'server', event.type, JSON.stringify(event))
    )
    store.database.connection
      .prepare(
        `INSERT INTO sessions (session_id, scenario, duration_sec, latency_p50_ms, latency_p95_ms,
           interruptions, turns, sentiment, model, rag_used, language, source, recorded_at)
         VALUES (?, 'complaint', 60, 400, 500, 0, 4, ?, 'gpt-realtime', 0, 'en', 'live', '2026-11-20')`
      )
      .run(id, sentiment)
    return id
  }

  it('replays each live call through the same rules; CSV rows stay session-level', async () => {
    const { store } = await openReportDb(tmp.path())
    // The session rows say 0 interruptions: the verdicts must come from the replayed events.
    const angry = recordCall(
      store,
      'L-angry',
      overAgentCall([
        { text: 'No, this is ridiculous.' },
        { text: 'Wait, I want to talk to a human.' },
        { text: 'Stop, listen to me.' }
      ]),
      'negative'
    )
    const calm = recordCall(
      store,
      'L-calm',
      overAgentCall(['Mm-hmm.', 'Okay.', 'Mm-hmm.'].map((text) => ({ text }))),
      'positive'
    )
    const result = await new EscalationBacktest(store.database).run(DEFAULTS, { source: ['live'] })
    expect(result).toMatchObject({ sessions: 2, sessionLevel: 0, turnLevel: 2 })
    for (const id of [
      'interruptions_total',
      'interruptions_burst',
      'human_request',
      'negative_sentiment'
    ])
      expect(rule(result.rules, id).cells).toMatchObject({
        tp: { count: 1, sessionIds: [angry] },
        tn: { count: 1, sessionIds: [calm] }
      })
    expect(result.combined).toMatchObject({ precision: 1, recall: 1, evaluated: 2 })
    const all = await new EscalationBacktest(store.database).run(DEFAULTS)
    expect(all).toMatchObject({ sessions: 17, sessionLevel: 15, turnLevel: 2 })
    expect(rule(all.rules, 'interruptions_total').cells.tp.sessionIds).toEqual(
      [angry, 'S03', 'S09', 'S14'].sort()
    )
    expect(rule(all.rules, 'human_request')).toMatchObject({ evaluated: 2, notEvaluated: 15 })
    await store.close()
  })
})

it('the generator used above is the seeded one (same lines twice)', () => {
  expect([...syntheticSessionLines(50)]).toEqual([...syntheticSessionLines(50)])
  expect(readFileSync(join('resources', 'voice_sessions.csv'), 'utf8')).toContain('S14,complaint')
})

describe('live alerts in main', () => {
  const tmp = useTempDir()

  it('raises and stores the third interruption’s alert in the batch that confirms it', async () => {
    const { store } = await openReportDb(tmp.path())
    const alerts = new AlertStore(store.database, () => Date.UTC(2026, 10, 25, 12))
    const monitor = new LiveAlertMonitor(alerts, () => DEFAULTS)
    const inputs = overAgentCall([
      { text: 'No, the blue one.' },
      { text: 'Mm-hmm.' },
      { text: 'Wait, how much is it?' },
      { text: 'Hold on, that is not it.' }
    ])
    const third = replayCall(inputs).events.filter((e) => e.type === 'barge_in.confirmed')[2]!
    const before = inputs.filter((i) => i.t < third.t)
    const rest = inputs.filter((i) => i.t >= third.t)
    const early = await monitor.ingest('L-1', before)
    expect(early.map((a) => a.rule)).toEqual(['interruptions_burst'])
    const late = await monitor.ingest('L-1', rest)
    expect(late.map((a) => a.rule)).toContain('interruptions_total')
    expect(late.find((a) => a.rule === 'interruptions_total')).toMatchObject({
      sessionId: 'L-1',
      status: 'open',
      evidence: { figures: { interruptions: 3, threshold: 3 } }
    })
    // The "mm-hmm" was not one of them.
    expect(
      (await alerts.list('open', 10)).flatMap((a) => a.evidence.items.map((i) => i.quote))
    ).not.toContain('Mm-hmm.')
    monitor.end('L-1')
    await store.close()
  })
})
