import { describe, expect, it } from 'vitest'
import {
  BACKCHANNELS,
  BARGE_IN_CLEARED,
  ECHO_CALL,
  NORMAL_CALL,
  TOOL_CALL
} from '../../support/callFixtures'
import type { KnownCallInput } from '../../../src/shared/live-call/callEvents'
import { callReducer, replayCall } from '../../../src/shared/live-call/callReducer'
import { initialCallState } from '../../../src/shared/live-call/callState'
import { newEvents, type CallDomainEvent } from '../../../src/shared/live-call/domainEvents'
import {
  alertsOfCall,
  reopenRule,
  stepEscalation,
  stepEscalationAll
} from '../../../src/shared/escalation/escalationEngine'
import { initialEscalationState } from '../../../src/shared/escalation/escalationState'
import {
  DEFAULT_ESCALATION_THRESHOLDS as DEFAULTS,
  type EscalationThresholds
} from '../../../src/shared/escalation/thresholds'
import type { EscalationAlert } from '../../../src/shared/escalation/escalationAlert'
import { bargeIn, overAgentCall, said, toolDone, turnDone, turnRecord } from './scriptedCalls'

const only = (rule: keyof EscalationThresholds): EscalationThresholds => {
  const off = structuredClone(DEFAULTS)
  for (const key of Object.keys(off) as (keyof EscalationThresholds)[])
    off[key].enabled = key === rule
  return off
}
const rulesOf = (alerts: EscalationAlert[]): string[] => alerts.map((a) => a.rule)
const alertsOfInputs = (inputs: KnownCallInput[], thresholds = DEFAULTS): EscalationAlert[] =>
  alertsOfCall(replayCall(inputs).events, thresholds)

/** Live: the engine fed the reducer's new events after every input; returns when each fired. */
function liveAlerts(
  inputs: KnownCallInput[],
  thresholds = DEFAULTS
): { t: number; alert: EscalationAlert }[] {
  let call = initialCallState()
  let rules = initialEscalationState(thresholds)
  const fired: { t: number; alert: EscalationAlert }[] = []
  for (const input of inputs) {
    const next = callReducer(call, input)
    const step = stepEscalationAll(rules, newEvents(call, next))
    fired.push(...step.raised.map((alert) => ({ t: input.t, alert })))
    call = next
    rules = step.state
  }
  return fired
}

describe('interruption rules', () => {
  const threeCuts = overAgentCall([
    { text: 'No, I asked for a two person tent.' },
    { text: 'Wait, what about the price?' },
    { text: 'Hold on, is it waterproof?' },
    { text: 'And the weight?' }
  ])

  it('fires once the call reaches 3 counted interruptions, once (de-duplicated)', () => {
    const fired = liveAlerts(threeCuts, only('interruptions'))
    const total = fired.filter((f) => f.alert.rule === 'interruptions_total')
    expect(total).toHaveLength(1)
    const alert = total[0]!.alert
    expect(alert.severity).toBe('warning')
    expect(alert.evidence.figures).toEqual({ interruptions: 3, threshold: 3 })
    expect(alert.evidence.items.map((i) => i.itemId)).toEqual(['item_1', 'item_2', 'item_3'])
    expect(alert.evidence.items[2]!.quote).toBe('Hold on, is it waterproof?')
    // Fired on the third interruption's verdict, not at the end of the call.
    const third = replayCall(threeCuts).events.filter((e) => e.type === 'barge_in.confirmed')[2]!
    expect(total[0]!.t).toBe(third.t)
  })

  it('is the same live and replayed', () => {
    expect(liveAlerts(threeCuts).map((f) => f.alert)).toEqual(alertsOfInputs(threeCuts))
  })

  it('does not fire below the threshold, and follows a changed threshold', () => {
    const two = overAgentCall([{ text: 'No, the blue one.' }, { text: 'Wait, how much?' }], 30_000)
    expect(rulesOf(alertsOfInputs(two, only('interruptions')))).toEqual([])
    const lower = only('interruptions')
    lower.interruptions.total = 2
    expect(rulesOf(alertsOfInputs(two, lower))).toEqual(['interruptions_total'])
  })

  it('fires on 2 interruptions within 30 s, not on 2 further apart', () => {
    const close = overAgentCall([{ text: 'No, the blue one.' }, { text: 'Wait, how much?' }])
    const burst = alertsOfInputs(close, only('interruptions'))
    expect(rulesOf(burst)).toEqual(['interruptions_burst'])
    expect(burst[0]!.evidence.figures['withinSec']).toBeLessThanOrEqual(30)
    const apart = overAgentCall(
      [{ text: 'No, the blue one.' }, { text: 'Wait, how much?' }],
      30_000
    )
    expect(rulesOf(alertsOfInputs(apart, only('interruptions')))).toEqual([])
  })

  it('never counts backchannels, even five "mm-hmm" that the server cut the agent for', () => {
    const mmhmm = overAgentCall(
      ['Mm-hmm.', 'Mm-hmm.', 'Okay.', 'Sí, vale.', "Oui d'accord."].map((text) => ({ text }))
    )
    const events = replayCall(mmhmm).events
    expect(events.filter((e) => e.type === 'backchannel')).toHaveLength(5)
    expect(alertsOfCall(events, DEFAULTS)).toEqual([])
    expect(alertsOfInputs(BACKCHANNELS)).toEqual([])
  })

  it('never counts echo suspects, nor reads their words', () => {
    const echoes = overAgentCall(
      [1, 2, 3].map(() => ({ text: 'I can put you through to a human agent', intoAudioMs: 60 }))
    )
    const events = replayCall(echoes).events
    expect(events.filter((e) => e.type === 'echo_suspect')).toHaveLength(3)
    expect(alertsOfCall(events, DEFAULTS)).toEqual([])
    expect(alertsOfInputs(ECHO_CALL)).toEqual([])
  })

  it('counts the reducer fixture barge-in as one interruption', () => {
    const one = only('interruptions')
    one.interruptions.total = 1
    const alerts = alertsOfInputs(BARGE_IN_CLEARED, one)
    expect(rulesOf(alerts)).toEqual(['interruptions_total'])
    expect(alerts[0]!.evidence.items[0]).toMatchObject({
      itemId: 'item_2',
      quote: 'Wait, I need them in size eleven.'
    })
  })
})

describe('caller asks for a human', () => {
  it.each([
    ['I want to speak to a human', 'human'],
    ['Can I talk to a real person please?', 'real person'],
    ['Get me a representative.', 'representative'],
    ['Quiero hablar con una persona', 'persona'],
    ['Pásame con un agente humano', 'agente'],
    ['Je veux parler à un conseiller', 'conseiller'],
    ['Un être humain, s’il vous plaît', 'etre humain'],
    // A "no" that answers the agent does not negate the request in the next clause.
    ['No, no. I want a real person', 'real person']
  ])('"%s" raises a critical alert quoting it', (text, phrase) => {
    const alerts = alertsOfCall([said(text)], only('humanRequest'))
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ rule: 'human_request', severity: 'critical' })
    expect(alerts[0]!.reason).toContain(phrase)
    expect(alerts[0]!.evidence.items[0]!.quote).toBe(text)
  })

  it.each([
    'Do you have waterproof boots?',
    "I don't need a human, just the price",
    "Personne ne m'a répondu hier",
    'Necesito una tienda para dos'
  ])('"%s" does not', (text) => {
    expect(alertsOfCall([said(text)], only('humanRequest'))).toEqual([])
  })

  it('ignores the words of echoes and backchannels, reads overlaps and undecided speech once decided', () => {
    const ask = 'I want a human agent'
    expect(alertsOfCall([said(ask, 'echo_suspect'), said(ask, 'backchannel')], DEFAULTS)).toEqual(
      []
    )
    expect(alertsOfCall([said(ask, null, 'x1')], DEFAULTS)).toEqual([])
    const decided = alertsOfCall(
      [said(ask, null, 'x1'), { type: 'caller.overlap', t: 9e3, itemId: 'x1', transcript: ask }],
      DEFAULTS
    )
    expect(rulesOf(decided)).toEqual(['human_request'])
  })

  it('raises one open alert per call, and again after the supervisor acted', () => {
    let state = initialEscalationState(DEFAULTS)
    state = stepEscalation(state, said('A human please')).state
    const again = stepEscalation(state, said('I said a HUMAN'))
    expect(again.raised).toEqual([])
    const reopened = stepEscalation(reopenRule(again.state, 'human_request'), said('Human!'))
    expect(rulesOf(reopened.raised)).toEqual(['human_request'])
  })
})

describe('negative sentiment with an interruption', () => {
  it('fires when a recent utterance reads negative and the call had an interruption', () => {
    const alerts = alertsOfCall(
      [said('This is ridiculous, the order is late again'), bargeIn(20_000, 'wait')],
      only('sentiment')
    )
    expect(rulesOf(alerts)).toEqual(['negative_sentiment'])
    expect(alerts[0]!.evidence.figures).toMatchObject({ negativeUtterances: 1, interruptions: 1 })
    expect(alerts[0]!.evidence.items[0]!.quote).toContain('ridiculous')
  })

  it.each([
    ['without an interruption', [said('Esto es inaceptable, estoy harto')]],
    [
      'with an interruption but a calm caller',
      [said('Thanks, that is great'), bargeIn(5000, 'the blue one')]
    ],
    [
      'when the negative words are no longer recent',
      [
        said('Terrible service'),
        said('Ok what sizes'),
        said('Fine'),
        said('And colours?'),
        bargeIn(9e4)
      ]
    ]
  ])('does not fire %s', (_name, events) => {
    expect(alertsOfCall(events, only('sentiment'))).toEqual([])
  })

  it('reads French and Spanish, and a negated positive', () => {
    for (const text of [
      "J'en ai marre, c'est n'importe quoi",
      'No funciona, es pésimo',
      'That is not great'
    ])
      expect(rulesOf(alertsOfCall([bargeIn(1000, null), said(text)], only('sentiment')))).toEqual([
        'negative_sentiment'
      ])
  })
})

describe('negative sentiment read by a model (verdicts main records)', () => {
  const verdict = (itemId: string, negative: boolean, cue = ''): CallDomainEvent => ({
    type: 'caller.sentiment',
    t: 50_000,
    itemId,
    negative,
    cue
  })

  it('waits for the verdict instead of the lexicon, then fires on a negative one', () => {
    const events = [said('This is ridiculous', 'turn', 'u-a'), bargeIn(20_000, null)]
    expect(alertsOfCall(events, only('sentiment'), 'model')).toEqual([])
    const alerts = alertsOfCall(
      [...events, verdict('u-a', true, 'this is ridiculous')],
      only('sentiment'),
      'model'
    )
    expect(rulesOf(alerts)).toEqual(['negative_sentiment'])
    expect(alerts[0]!.reason).toContain('this is ridiculous')
    expect(alerts[0]!.evidence.items.map((item) => item.itemId)).toEqual(['u-a'])
  })

  it('a "not negative" verdict keeps a lexicon word from firing', () => {
    const events = [said('Terrible weather, which tent?', 'turn', 'u-b'), bargeIn(20_000, null)]
    expect(rulesOf(alertsOfCall(events, only('sentiment')))).toEqual(['negative_sentiment'])
    expect(alertsOfCall([...events, verdict('u-b', false)], only('sentiment'), 'model')).toEqual([])
  })

  it('ignores verdicts on lexicon-read calls, for unknown items, and a second verdict', () => {
    const calm = said('Which tent is lightest?', 'turn', 'u-c')
    expect(
      alertsOfCall([calm, bargeIn(1000, null), verdict('u-c', true, 'x')], only('sentiment'))
    ).toEqual([])
    expect(
      alertsOfCall([calm, bargeIn(1000, null), verdict('nope', true)], only('sentiment'), 'model')
    ).toEqual([])
    expect(
      alertsOfCall(
        [calm, bargeIn(1000, null), verdict('u-c', false), verdict('u-c', true, 'late')],
        only('sentiment'),
        'model'
      )
    ).toEqual([])
  })
})

describe('latency rule', () => {
  it('fires when the last turns’ at-ear P95 passes 1 s, with the turns as evidence', () => {
    const events = [750, 900, 2100].map((ms, i) => turnDone(turnRecord(i + 1, ms)))
    const alerts = alertsOfCall(events, only('latency'))
    expect(rulesOf(alerts)).toEqual(['latency'])
    expect(alerts[0]!.evidence.items.map((i) => i.turnIndex)).toEqual([1, 2, 3])
    expect(alerts[0]!.evidence.figures['p95Ms']).toBeCloseTo(1980, 6)
  })

  it('waits for enough turns, skips excluded turns, and only reads the last K', () => {
    const two = [2000, 2500].map((ms, i) => turnDone(turnRecord(i + 1, ms)))
    expect(alertsOfCall(two, only('latency'))).toEqual([])
    const excluded = [500, 4500, 600, 650].map((ms, i) =>
      turnDone(turnRecord(i + 1, ms, i === 1 ? 'caller_resumed' : null))
    )
    expect(alertsOfCall(excluded, only('latency'))).toEqual([])
    const recovered = [4500, 4500, 500, 500, 500, 500, 500].map((ms, i) =>
      turnDone(turnRecord(i + 1, ms))
    )
    const fired = alertsOfCall(recovered, only('latency'))
    // 4500, 4500, 500 → fires at turn 3; once open it is not raised again.
    expect(fired).toHaveLength(1)
    const k = only('latency')
    k.latency.lastTurns = 3
    const late = [500, 500, 500, 500, 4500].map((ms, i) => turnDone(turnRecord(i + 1, ms)))
    expect(alertsOfCall(late, k)[0]!.evidence.items.map((i) => i.turnIndex)).toEqual([3, 4, 5])
  })

  it('reads the reducer’s normal call: at-ear 490, 570, 460 ms (P95 562) is not slow by default, is past a 500 ms bar', () => {
    expect(alertsOfInputs(NORMAL_CALL, only('latency'))).toEqual([])
    const strict = only('latency')
    strict.latency.p95Ms = 500
    const alerts = alertsOfInputs(NORMAL_CALL, strict)
    expect(rulesOf(alerts)).toEqual(['latency'])
    expect(alerts[0]!.evidence.figures).toEqual({ p95Ms: 562, thresholdMs: 500, turns: 3 })
  })
})

describe('tool rule', () => {
  it('fires on a failed tool call, with the error', () => {
    const alerts = alertsOfCall([toolDone('failed', 'lookup_order')], only('tools'))
    expect(rulesOf(alerts)).toEqual(['tool_trouble'])
    expect(alerts[0]!.evidence.items[0]!.quote).toBe('lookup_order: catalog unavailable')
  })

  it('fires on two zero-result searches in a row, not when a search in between found something', () => {
    expect(
      rulesOf(alertsOfCall([toolDone('zero_results'), toolDone('zero_results')], only('tools')))
    ).toEqual(['tool_trouble'])
    expect(
      alertsOfCall(
        [toolDone('zero_results'), toolDone('ok'), toolDone('zero_results')],
        only('tools')
      )
    ).toEqual([])
    expect(alertsOfInputs(TOOL_CALL)).toEqual([])
  })
})
