import { afterEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import type { RuleId, Severity } from '../../../src/shared/escalation/rules'
import type { SessionFilter, SessionSort } from '../../../src/shared/sessions/sessionQuery'
import { session, turn } from './contractFixtures'
import type { Backend } from './asyncContract'

// What the Sessions table's columns and filters on transcripts, alerts and escalation read,
// held alike on every backend: the same words find the same calls, the same filters keep the
// same rows, the same page gets the same alert summaries and snippets.

const BY_ID: SessionSort = { column: 'session_id', direction: 'asc' }

/** A recorded call's turns: the caller's lines and the agent's, one pair per turn. */
const saying = (lines: readonly [caller: string | null, agent: string | null][]) =>
  lines.map(([caller, agent], index) => ({
    ...turn(index),
    caller_text: caller,
    agent_text: agent
  }))

async function recordCalls(db: SessionDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.sessions.insertRecorded(session('LIVE-EN', { language: 'en' }), 'now')
    await tx.turns.replace(
      'LIVE-EN',
      saying([
        ['I need waterproof hiking boots', 'The Trailhead boot is waterproof.'],
        ['Do you ship to Canada?', null]
      ])
    )
    await tx.sessions.insertRecorded(session('LIVE-ES', { language: 'es' }), 'now')
    await tx.turns.replace(
      'LIVE-ES',
      saying([['¿Dónde está mi pedido?', 'Su pedido llegará el martes, señora.']])
    )
    await tx.sessions.insertRecorded(session('LIVE-FR', { language: 'fr' }), 'now')
    await tx.turns.replace('LIVE-FR', saying([['Je voudrais parler à quelqu’un', 'Bien sûr.']]))
    // An imported session has no transcript: no search finds it.
    await tx.sessions.insertRecorded(session('IMP-1', { source: 'import' }), 'now')
  })
}

export function describeSessionMarks(backend: Backend): void {
  describe(`Sessions' transcripts, alerts and escalation on ${backend.name}`, () => {
    afterEach(() => backend.close())

    const ids = async (db: SessionDatabase, filter: SessionFilter): Promise<string[]> => {
      const rows = await db.sessions.page(filter, BY_ID, 0, 100)
      expect(await db.sessions.count(filter)).toBe(rows.length)
      return rows.map((row) => row.session_id)
    }

    it('finds calls by what was said: every word, the last as a prefix, accents and case folded', async () => {
      const db = await backend.open()
      await recordCalls(db)
      expect(await ids(db, { said: 'boots' })).toEqual(['LIVE-EN'])
      // Caller's words and agent's words together, the last one still being typed.
      expect(await ids(db, { said: 'canada trailh' })).toEqual(['LIVE-EN'])
      expect(await ids(db, { said: 'canada martes' })).toEqual([])
      expect(await ids(db, { said: 'DONDE' })).toEqual(['LIVE-ES'])
      expect(await ids(db, { said: 'senora' })).toEqual(['LIVE-ES'])
      expect(await ids(db, { said: 'quelqu' })).toEqual(['LIVE-FR'])
      expect(await ids(db, { said: 'sur' })).toEqual(['LIVE-FR'])
      // Not a word of any call (a substring inside a word is not a prefix of it).
      expect(await ids(db, { said: 'proof' })).toEqual([])
      // Query syntax is never passed through: only the words are searched for.
      expect(await ids(db, { said: '"boots" OR NOT *' })).toEqual([])
      expect(await ids(db, { said: 'boots) | (pedido' })).toEqual([])
      // No word at all filters nothing, as an empty search box.
      expect(await ids(db, { said: ' ¿?! ' })).toEqual(['IMP-1', 'LIVE-EN', 'LIVE-ES', 'LIVE-FR'])
      // With the other filters, and through the lab's pages (exports, the lab report).
      expect(await ids(db, { said: 'pedido', language: ['en'] })).toEqual([])
      const lab = []
      for await (const page of db.sessions.labPages({ said: 'waterproof' })) lab.push(...page)
      expect(lab.map((row) => row.session_id)).toEqual(['LIVE-EN'])
    })

    it('shows where the words were said: the caller first, else the agent, the hits marked', async () => {
      const db = await backend.open()
      await recordCalls(db)
      const matches = await db.turns.saidMatches(['LIVE-EN', 'LIVE-ES', 'IMP-1'], 'waterproof')
      expect(matches).toHaveLength(1)
      const [match] = matches
      expect(match?.sessionId).toBe('LIVE-EN')
      expect(match?.speaker).toBe('caller')
      expect(match?.parts.filter((part) => part.hit).map((part) => part.text)).toEqual([
        'waterproof'
      ])
      expect(match?.parts.map((part) => part.text).join('')).toContain('hiking boots')
      const agent = await db.turns.saidMatches(['LIVE-ES'], 'martes')
      expect(agent.map((m) => [m.sessionId, m.speaker])).toEqual([['LIVE-ES', 'agent']])
      // Written with its accents, found without them.
      expect(agent[0]?.parts.some((part) => part.text.includes('llegará'))).toBe(true)
      expect(await db.turns.saidMatches(['LIVE-EN'], '!!')).toEqual([])
    })

    it('indexes a call again when its turns are written again', async () => {
      const db = await backend.open()
      await recordCalls(db)
      await db.transaction((tx) => tx.turns.replace('LIVE-EN', saying([['a refund please', null]])))
      expect(await ids(db, { said: 'boots' })).toEqual([])
      expect(await ids(db, { said: 'refund' })).toEqual(['LIVE-EN'])
      await db.transaction((tx) => tx.turns.replace('LIVE-EN', []))
      expect(await ids(db, { said: 'refund' })).toEqual([])
    })

    it('filters on the escalated flag and on alerts, and sums each session’s alerts up', async () => {
      const db = await backend.open()
      await db.transaction(async (tx) => {
        for (const [id, escalated] of [
          ['A', true],
          ['B', false],
          ['C', null],
          ['D', null]
        ] as const)
          await tx.sessions.insertRecorded(session(id, { escalated }), 'now')
      })
      const raise = (sessionId: string, rule: RuleId, severity: Severity, at: string) =>
        db.alerts.insert({ sessionId, rule, severity, raisedAt: at, evidence: '{}' })
      await raise('B', 'latency', 'info', '2026-11-25T14:30:01Z')
      await raise('B', 'interruptions_total', 'warning', '2026-11-25T14:30:02Z')
      await raise('B', 'negative_sentiment', 'warning', '2026-11-25T14:30:03Z')
      await raise('C', 'human_request', 'critical', '2026-11-25T14:30:04Z')
      // An alert of a call with no session row yet (still running): no row, no summary shown.
      await raise('LIVE-RUNNING', 'latency', 'info', '2026-11-25T14:30:05Z')

      expect(await ids(db, { escalated: true })).toEqual(['A'])
      expect(await ids(db, { escalated: false })).toEqual(['B', 'C', 'D'])
      expect(await ids(db, { hasAlerts: true })).toEqual(['B', 'C'])
      expect(await ids(db, { hasAlerts: false })).toEqual(['A', 'D'])
      expect(await ids(db, { alertRules: ['human_request'] })).toEqual(['C'])
      expect(await ids(db, { alertRules: ['latency', 'human_request'] })).toEqual(['B', 'C'])
      expect(await ids(db, { alertRules: [] })).toEqual(['A', 'B', 'C', 'D'])
      expect(await ids(db, { alertRules: ['tool_trouble'] })).toEqual([])
      expect(await ids(db, { hasAlerts: true, escalated: false, alertRules: ['latency'] })).toEqual(
        ['B']
      )

      const summaries = await db.alerts.summaries(['A', 'B', 'C', 'D'])
      expect(summaries.sort((x, y) => x.sessionId.localeCompare(y.sessionId))).toEqual([
        // The worst is the most severe; of equals, the first raised.
        { sessionId: 'B', count: 3, worstSeverity: 'warning', worstRule: 'interruptions_total' },
        { sessionId: 'C', count: 1, worstSeverity: 'critical', worstRule: 'human_request' }
      ])
      expect(await db.alerts.summaries([])).toEqual([])
    })
  })
}
