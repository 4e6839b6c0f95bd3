import { afterEach, describe, expect, it } from 'vitest'
import { labelCall } from '../../../src/main/classify/callLabelling'
import { labellingModel } from '../../../src/main/classify/labellingModel'
import { ResponsesModel } from '../../../src/main/classify/StructuredModel'
import { readUtteranceSentiment } from '../../../src/main/escalation/readUtteranceSentiment'
import { ToneVoice } from '../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../../src/main/realtime-sim/startSimulator'
import type { TranscriptLine } from '../../../src/shared/classify/modelLabels'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'

// The console's own labelling code (ResponsesModel over the openai SDK) against the simulator's
// POST /v1/responses: the scripted Structured Outputs answers label a call and read a caller's
// sentiment; a refusal or a held answer leaves it to the lexicons, as with the real service.

const KEY = 'sk-labelling-via-sim-0123456789'
const SCENARIO = `
name: labelling via the simulator
turns:
  - caller: Hello.
    agent: { say: Hi. }
responses:
  - format: call_labels
    input: never arrived
    json: { sentiment: positive, scenario: order_status }
  - format: call_labels
    refusal: I cannot label this.
  - format: caller_sentiment
    input: 'LAST caller utterance: .*third time'
    json: { negative: true, cue: the third time }
  - format: caller_sentiment
    input: 'LAST caller utterance: .*hold on'
    delay_ms: 8000
    json: { negative: true, cue: too late }
`
const CALL: TranscriptLine[] = [
  { speaker: 'caller', text: 'My order never arrived.' },
  { speaker: 'agent', text: 'Let me look it up.' }
]

describe('labelling and live sentiment through the simulator', { timeout: 30_000 }, () => {
  let sim: Simulator | undefined
  afterEach(async () => {
    await sim?.close()
    sim = undefined
  })
  const start = async (): Promise<Simulator> =>
    (sim = await startSimulator({
      port: 0,
      apiKey: KEY,
      scenario: parseScenario(SCENARIO, 'labelling.yaml'),
      voice: new ToneVoice()
    }))
  const model = (s: Simulator): ResponsesModel =>
    new ResponsesModel({ model: 'labels-mini', apiKey: KEY, baseURL: `${s.url}/v1` })

  it("labels a call with the scripted answer, stored as the model's", async () => {
    const s = await start()
    expect(await labelCall({ kind: 'model', model: model(s) }, CALL)).toEqual({
      labels: { sentiment: 'positive', scenario: 'order_status' },
      labelledBy: 'model:labels-mini',
      reason: null,
      error: null
    })
    const [asked] = s.groundTruth.list().filter((e) => e.kind === 'responses')
    expect(asked).toMatchObject({
      format: 'call_labels',
      input: 'Caller: My order never arrived.\nAgent: Let me look it up.',
      outcome: 'completed'
    })
  })

  it("goes to Azure's path with the api-key header when the provider is Azure", async () => {
    const s = await start()
    const settings = {
      ...defaultSettings(),
      provider: { kind: 'azure' as const, endpoint: s.url, deployment: 'rt' },
      labelling: { source: 'model' as const, model: 'labels-deployment' }
    }
    const choice = labellingModel(settings, (name) => (name === 'azure' ? KEY : undefined))
    const outcome = await labelCall(choice, CALL)
    expect(outcome.labelledBy).toBe('model:labels-deployment')
    expect(outcome.labels).toEqual({ sentiment: 'positive', scenario: 'order_status' })
  })

  it("falls back to the lexicons on the model's refusal, saying so", async () => {
    const s = await start()
    const outcome = await labelCall({ kind: 'model', model: model(s) }, [
      { speaker: 'caller', text: 'I want a refund.' }
    ])
    expect(outcome).toMatchObject({
      labels: null,
      labelledBy: 'lexicon',
      reason: 'model_failed',
      error: 'labels-mini: The model refused: I cannot label this.'
    })
  })

  it('reads a caller utterance live with the scripted verdict; a held answer yields to the lexicon', async () => {
    const s = await start()
    expect(
      await readUtteranceSentiment(model(s), ['I need a tent.'], 'That is the third time.')
    ).toEqual({ negative: true, cue: 'the third time', reader: 'model:labels-mini' })
    const started = performance.now()
    const late = await readUtteranceSentiment(model(s), [], 'Please hold on, this is ridiculous.')
    expect(late.reader).toBe('lexicon')
    // LIVE_READING_TIMEOUT_MS: the live rule never waits on the 8 s the script holds.
    expect(performance.now() - started).toBeLessThan(6000)
    await expect
      .poll(() =>
        s.groundTruth
          .list()
          .filter((e) => e.kind === 'responses')
          .map((e) => e.outcome)
      )
      .toEqual(['completed', 'client_gone'])
  })
})
