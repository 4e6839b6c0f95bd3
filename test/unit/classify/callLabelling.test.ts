import { afterEach, describe, expect, it } from 'vitest'
import { labelCall } from '../../../src/main/classify/callLabelling'
import { labellingModel } from '../../../src/main/classify/labellingModel'
import { ResponsesModel } from '../../../src/main/classify/StructuredModel'
import { CALL_LABELS_FORMAT, type TranscriptLine } from '../../../src/shared/classify/modelLabels'
import { defaultSettings, type AppSettings } from '../../../src/shared/settings/settingsSchema'
import {
  startResponsesStandIn,
  type ResponsesReply,
  type ResponsesStandIn
} from '../../support/responsesStandIn'

const KEY = 'sk-test-labels-0123456789'
const CALL: TranscriptLine[] = [
  { speaker: 'caller', text: 'Hi, my order OG-1042 never arrived and nobody answers my emails.' },
  { speaker: 'agent', text: 'I am sorry to hear that. Let me look it up.' },
  { speaker: 'caller', text: 'This is ridiculous, I want a refund.' }
]

const model = (standIn: ResponsesStandIn, timeoutMs = 10_000): ResponsesModel =>
  new ResponsesModel({
    model: 'gpt-4o-mini',
    apiKey: KEY,
    baseURL: standIn.baseURL,
    timeoutMs,
    maxRetries: 0
  })

describe('post-call labels from a model with Structured Outputs', () => {
  let standIn: ResponsesStandIn | undefined
  afterEach(async () => {
    await standIn?.close()
    standIn = undefined
  })
  const serve = async (reply: ResponsesReply | (() => ResponsesReply)): Promise<ResponsesStandIn> =>
    (standIn = await startResponsesStandIn(KEY, typeof reply === 'function' ? reply : () => reply))

  it("asks /v1/responses with the strict schema and the transcript, and keeps the model's labels", async () => {
    const s = await serve({ json: { sentiment: 'negative', scenario: 'return_request' } })
    const outcome = await labelCall({ kind: 'model', model: model(s) }, CALL)
    expect(outcome).toEqual({
      labels: { sentiment: 'negative', scenario: 'return_request' },
      labelledBy: 'model:gpt-4o-mini',
      reason: null,
      error: null
    })
    expect(s.requests).toHaveLength(1)
    const { body, authorization } = s.requests[0]!
    expect(authorization).toBe(`Bearer ${KEY}`)
    expect(body.model).toBe('gpt-4o-mini')
    expect(body.store).toBe(false)
    expect(body.text?.format).toEqual({ type: 'json_schema', strict: true, ...CALL_LABELS_FORMAT })
    expect(body.input).toBe(
      'Caller: Hi, my order OG-1042 never arrived and nobody answers my emails.\n' +
        'Agent: I am sorry to hear that. Let me look it up.\n' +
        'Caller: This is ridiculous, I want a refund.'
    )
  })

  it.each<[string, ResponsesReply, RegExp]>([
    ['a refusal', { refusal: "I can't help with that." }, /refused: I can't help with that/],
    [
      'an answer cut short',
      { incomplete: 'max_output_tokens' },
      /incomplete \(max_output_tokens\)/
    ],
    ['text that is not JSON', { text: 'negative, complaint' }, /did not answer with JSON/],
    [
      'JSON off the schema',
      { json: { sentiment: 'furious', scenario: 'complaint' } },
      /does not follow the schema/
    ],
    ['a server error', { status: 500 }, /500/],
    ['a rejected key', { status: 401 }, /401/]
  ])('falls back to the lexicons on %s, and says why', async (_, reply, why) => {
    const s = await serve(reply)
    const outcome = await labelCall({ kind: 'model', model: model(s) }, CALL)
    expect(outcome.labels).toBeNull()
    expect(outcome.labelledBy).toBe('lexicon')
    expect(outcome.reason).toBe('model_failed')
    expect(outcome.error).toMatch(/^gpt-4o-mini: /)
    expect(outcome.error).toMatch(why)
  })

  it('gives up after its timeout instead of holding the hang-up', async () => {
    const s = await serve({
      delayMs: 2_000,
      then: { json: { sentiment: 'neutral', scenario: 'faq' } }
    })
    const outcome = await labelCall({ kind: 'model', model: model(s, 200) }, CALL)
    expect(outcome).toMatchObject({ labelledBy: 'lexicon', reason: 'model_failed' })
    expect(outcome.error).toBe('gpt-4o-mini: No answer within 0.2 s')
  })

  it('sends nothing when the caller said nothing, or the lexicons were chosen', async () => {
    const s = await serve({ json: { sentiment: 'neutral', scenario: 'faq' } })
    const silent = await labelCall({ kind: 'model', model: model(s) }, [
      { speaker: 'agent', text: 'Hello, OutdoorGear support.' }
    ])
    expect(silent).toEqual({
      labels: null,
      labelledBy: 'lexicon',
      reason: 'no_caller_text',
      error: null
    })
    expect(await labelCall({ kind: 'lexicon', reason: 'chosen' }, CALL)).toEqual({
      labels: null,
      labelledBy: 'lexicon',
      reason: null,
      error: null
    })
    expect(s.requests).toHaveLength(0)
  })
})

describe('which model labels calls, for the settings', () => {
  const settings = (patch: Partial<AppSettings>): AppSettings => ({
    ...defaultSettings(),
    ...patch
  })
  const made: { model: string; baseURL?: string; headers?: Record<string, string> }[] = []
  const make = (options: (typeof made)[number] & { apiKey: string }): ResponsesModel => {
    made.push(options)
    return new ResponsesModel(options)
  }
  const keys: Record<string, string> = { openai: 'sk-o', azure: 'az-key', custom: 'sk-c' }
  afterEach(() => void made.splice(0))

  it("uses the provider's own endpoint and key", () => {
    expect(labellingModel(settings({}), (n) => keys[n], make).kind).toBe('model')
    labellingModel(
      settings({
        provider: { kind: 'azure', endpoint: 'https://og.openai.azure.com/', deployment: 'rt' },
        labelling: { source: 'model', model: 'labels-mini' }
      }),
      (n) => keys[n],
      make
    )
    labellingModel(
      settings({ provider: { kind: 'custom', baseUrl: 'http://127.0.0.1:9/v1/' } }),
      (n) => keys[n],
      make
    )
    expect(made).toEqual([
      { model: 'gpt-4o-mini', apiKey: 'sk-o', baseURL: undefined },
      {
        model: 'labels-mini',
        apiKey: 'az-key',
        baseURL: 'https://og.openai.azure.com/openai/v1',
        headers: { 'api-key': 'az-key' }
      },
      { model: 'gpt-4o-mini', apiKey: 'sk-c', baseURL: 'http://127.0.0.1:9/v1' }
    ])
  })

  it('labels offline with the demo agent, without a key, or when chosen', () => {
    expect(labellingModel(settings({ provider: { kind: 'demo' } }), (n) => keys[n], make)).toEqual({
      kind: 'lexicon',
      reason: 'demo_provider'
    })
    expect(labellingModel(settings({}), () => undefined, make)).toEqual({
      kind: 'lexicon',
      reason: 'no_key'
    })
    expect(
      labellingModel(
        settings({ labelling: { source: 'lexicon', model: 'gpt-4o-mini' } }),
        (n) => keys[n],
        make
      )
    ).toEqual({ kind: 'lexicon', reason: 'chosen' })
    expect(made).toEqual([])
  })
})
