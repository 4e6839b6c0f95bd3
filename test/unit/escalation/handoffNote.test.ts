import { describe, expect, it } from 'vitest'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import { HANDOFF_LIMITS, handoffFacts } from '../../../src/shared/escalation/handoffFacts'
import { handoffNoteText } from '../../../src/shared/escalation/handoffNote'
import { TOOL_CALL } from '../../support/callFixtures'
import type { CallInput } from '../../../src/shared/live-call/callEvents'
import { overAgentCall } from './scriptedCalls'

const humanAlert: StoredAlert = {
  alertId: 7,
  sessionId: 'LIVE-1',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'The caller asked for a person',
  evidence: {
    items: [{ itemId: 'item_3', turnIndex: 3, t: 9000, quote: 'I want to speak to a human' }],
    figures: {}
  },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  seat: null,
  callEnded: false
}

/** Says French whatever the text: the scripted calls report no language, so the detector decides. */
const detectFrench = () => ({ language: 'fr', reliable: true })

describe('handoff note', () => {
  it('sums up a call with interruptions: language, duration, alerts, last words', () => {
    const inputs = overAgentCall([
      { text: 'No, that is not what I asked' },
      { text: 'Stop, listen to me' },
      { text: 'I want to speak to a human' }
    ])
    const facts = handoffFacts('LIVE-1', inputs, [humanAlert], detectFrench)
    expect(facts.interruptions).toBe(3)
    expect(facts.language).toBe('fr')
    // From session.created at 0 to the scripted hang-up.
    expect(facts.durationMs).toBe(inputs.at(-1)!.t - inputs[0]!.t)
    expect(facts.callerLastSaid).toEqual([
      'No, that is not what I asked',
      'Stop, listen to me',
      'I want to speak to a human'
    ])
    expect(facts.agentLastAnswer).toBe('Okay.')
    const note = handoffNoteText(facts)
    expect(note).toContain('Handoff — call LIVE-1')
    expect(note).toContain('Caller language: fr')
    expect(note).toContain('Interruptions: 3')
    expect(note).toContain('  - Caller asks for a human: The caller asked for a person')
    expect(note).toContain('      “I want to speak to a human”')
    expect(note).toContain('  “Stop, listen to me”')
    expect(note).toContain("Agent's last answer: “Okay.”")
    expect(note).toContain('Facts looked up:\n  (none)')
    expect(note).not.toContain("Supervisor's note")
  })

  it('names an alert once when its reason already begins with the rule', () => {
    const spoken = {
      ...humanAlert,
      reason: 'Caller asks for a human ("human")'
    }
    const note = handoffNoteText(handoffFacts('LIVE-1', [], [spoken], detectFrench))
    expect(note).toContain('  - Caller asks for a human ("human")\n')
    expect(note).not.toContain('Caller asks for a human: Caller asks')
  })

  it('keeps only the last few utterances, trimmed', () => {
    const long = `It is ${'really '.repeat(80)}broken`
    const inputs = overAgentCall([
      { text: 'one' },
      { text: 'two' },
      { text: 'three' },
      { text: long }
    ])
    const facts = handoffFacts('LIVE-2', inputs, [], detectFrench)
    expect(facts.callerLastSaid).toHaveLength(HANDOFF_LIMITS.callerUtterances)
    expect(facts.callerLastSaid[0]).toBe('two')
    const last = facts.callerLastSaid.at(-1)!
    expect(last.length).toBe(HANDOFF_LIMITS.quoteChars)
    expect(last.endsWith('…')).toBe(true)
    expect(handoffNoteText(facts)).toContain('Alerts:\n  (none)')
  })

  it('lists the facts looked up: tool, arguments and top results from the output sent', () => {
    const output = JSON.stringify({
      ok: true,
      result: {
        products: [
          { id: 'P001', name: 'TrailBlazer X200', price_usd: 149 },
          { id: 'P007', name: 'Summit Pro GTX' },
          { id: 'P009', name: 'Ridge Runner' },
          { id: 'P011', name: 'Fourth one' }
        ]
      },
      citations: ['P001']
    })
    const inputs: CallInput[] = TOOL_CALL.map((input) =>
      input.event.type === 'conversation.item.create'
        ? { ...input, event: { ...input.event, item: { ...input.event.item, output } } }
        : input
    )
    const facts = handoffFacts('LIVE-3', inputs, [], () => ({ language: 'en', reliable: true }))
    expect(facts.language).toBe('en')
    expect(facts.lookups).toEqual([
      {
        tool: 'search_products',
        query: 'query: waterproof hiking boots, max_price: 200',
        ok: true,
        top: ['TrailBlazer X200 (P001)', 'Summit Pro GTX (P007)', 'Ridge Runner (P009)'],
        error: null
      }
    ])
    expect(handoffNoteText(facts, 'Caller is a loyalty member')).toContain(
      '  - search_products(query: waterproof hiking boots, max_price: 200) → TrailBlazer X200 (P001); Summit Pro GTX (P007); Ridge Runner (P009)'
    )
    expect(handoffNoteText(facts, 'Caller is a loyalty member')).toMatch(
      /\n\nSupervisor's note: Caller is a loyalty member$/
    )
  })

  it('describes an order by what was bought and its status; a failed lookup by its error', () => {
    const order = JSON.stringify({
      ok: true,
      result: {
        orders: [
          {
            order_id: 'ORD-2024-0001',
            item: '1 × TrailBlazer X200 (TB-X200-BLK)',
            status: 'shipped',
            total_usd: 189.99
          }
        ]
      },
      citations: ['ORD-2024-0001']
    })
    const withOutput = (output: string): CallInput[] =>
      TOOL_CALL.map((input) =>
        input.event.type === 'conversation.item.create'
          ? { ...input, event: { ...input.event, item: { ...input.event.item, output } } }
          : input
      )
    const found = handoffFacts('LIVE-4', withOutput(order), [], detectFrench)
    expect(found.lookups[0]!.top).toEqual([
      'ORD-2024-0001: 1 × TrailBlazer X200 (TB-X200-BLK), shipped'
    ])
    const failed = withOutput(JSON.stringify({ ok: false, error: { code: 'not_found' } })).map(
      (input) =>
        input.event.type === 'tool.result'
          ? { ...input, event: { ...input.event, ok: false, error: 'No order matches.' } }
          : input
    )
    const facts = handoffFacts('LIVE-4', failed, [], detectFrench)
    expect(facts.lookups[0]).toMatchObject({ ok: false, top: [], error: 'No order matches.' })
    expect(handoffNoteText(facts)).toContain('→ failed: No order matches.')
  })

  it('says so when nothing was recorded yet (an imported session)', () => {
    const facts = handoffFacts('S09', [], [humanAlert], detectFrench)
    expect(facts).toMatchObject({
      language: 'und',
      durationMs: 0,
      interruptions: 0,
      callerLastSaid: [],
      agentLastAnswer: null,
      lookups: []
    })
    const note = handoffNoteText(facts)
    expect(note).toContain('Duration so far: 0 s')
    expect(note).toContain('Caller said (latest last):\n  (nothing transcribed)')
    expect(note).toContain("Agent's last answer: (none)")
  })
})
