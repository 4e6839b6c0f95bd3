import { afterEach, describe, expect, it } from 'vitest'
import { ResponsesModel } from '../../../src/main/classify/StructuredModel'
import { loadLabelledSet, scoreLabels } from '../../../tools/eval/evaluateLabels'
import { startResponsesStandIn, type ResponsesStandIn } from '../../support/responsesStandIn'

const KEY = 'sk-eval-labels-0123456789'

describe('eval:labels scoring', () => {
  let standIn: ResponsesStandIn | undefined
  afterEach(async () => standIn?.close())

  it('scores the lexicons on the holdout as docs/recording.md states (72 % / 78 %)', async () => {
    const holdout = loadLabelledSet('holdout')
    const score = await scoreLabels(holdout, { kind: 'lexicon', reason: 'chosen' })
    expect(score).toMatchObject({ calls: 18, sentiment: 13, scenario: 14, fellBack: 0 })
    expect(score.misses.length).toBeGreaterThanOrEqual(5)
  })

  it("counts the model's answers, and the lexicons' where the model failed", async () => {
    const holdout = loadLabelledSet('holdout')
    const [first, second] = holdout
    // The stand-in answers the hand labels for every call but two: one wrong, one a 500.
    standIn = await startResponsesStandIn(KEY, (request) => {
      const call = holdout.find((c) => request.body.input.includes(c.caller[0]!))!
      if (call === first) return { json: { sentiment: 'positive', scenario: 'faq' } }
      if (call === second) return { status: 500 }
      return { json: { sentiment: call.sentiment, scenario: call.scenario } }
    })
    const model = new ResponsesModel({
      model: 'labels-mini',
      apiKey: KEY,
      baseURL: standIn.baseURL,
      maxRetries: 0
    })
    const score = await scoreLabels(holdout, { kind: 'model', model })
    const lexicon = await scoreLabels([second!], { kind: 'lexicon', reason: 'chosen' })
    expect(score.fellBack).toBe(1)
    expect(score.ms).toHaveLength(18)
    expect(score.sentiment).toBe(16 + lexicon.sentiment + (first!.sentiment === 'positive' ? 1 : 0))
    expect(score.scenario).toBe(16 + lexicon.scenario + (first!.scenario === 'faq' ? 1 : 0))
    expect(score.misses[0]).toMatch(new RegExp(`^${first!.id}: positive/faq, labelled `))
  })
})
