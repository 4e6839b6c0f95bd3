import OpenAI, {
  APIConnectionTimeoutError,
  AuthenticationError,
  BadRequestError,
  InternalServerError
} from 'openai'
import { describe, expect, it } from 'vitest'
import {
  CALL_LABELS_FORMAT,
  UTTERANCE_SENTIMENT_FORMAT
} from '../../../src/shared/classify/modelLabels'
import type { GroundTruthEntry } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import type { Simulator } from '../../../src/main/realtime-sim/startSimulator'
import { API_KEY, post, useSimulator } from './support/simServer'
import { SCENARIO_YAML } from './support/virtualCall'

// POST /v1/responses driven by the official `openai` SDK against a real simulator on a free
// port: each scripted kind of answer, and the request checks, as the SDK sees them.

const SCRIPTS = `
responses:
  - format: call_labels
    input: refund
    json: { sentiment: negative, scenario: return_request }
  - format: call_labels
    input: off schema
    json: { sentiment: furious, scenario: complaint }
  - format: call_labels
    input: long answer
    text: '{"sentiment": "neutral", "scenario": "faq", "padding": "${'x'.repeat(120)}"}'
  - format: caller_sentiment
    input: 'LAST caller utterance: .*(idiot|stupid)'
    refusal: I can't help with that request.
  - format: caller_sentiment
    input: slow
    delay_ms: 3000
    json: { negative: false, cue: '' }
  - format: caller_sentiment
    input: busy
    times: 1
    http_error: 429
    retry_after_ms: 10
  - format: caller_sentiment
    input: broken
    http_error: 500
  - format: caller_sentiment
    json: { negative: true, cue: scripted cue }
  - format: call_labels
    input: crowded
    http_error: 429
    retry_after_ms: 25
`

const client = (sim: Simulator, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ apiKey: API_KEY, baseURL: `${sim.url}/v1`, maxRetries: 0, ...options })

const ask = (
  openai: OpenAI,
  format: { name: string; schema: Record<string, unknown> },
  input: string | OpenAI.Responses.ResponseInput,
  extra: Partial<OpenAI.Responses.ResponseCreateParamsNonStreaming> = {}
) =>
  openai.responses.create({
    model: 'gpt-4o-mini',
    instructions: 'Label the call.',
    input,
    text: { format: { type: 'json_schema', strict: true, ...format } },
    max_output_tokens: 60,
    store: false,
    ...extra
  })

const responsesLog = (sim: Simulator) =>
  sim.groundTruth
    .list()
    .filter((e): e is Extract<GroundTruthEntry, { kind: 'responses' }> => e.kind === 'responses')

describe('simulator POST /v1/responses (openai SDK)', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('answers a strict json_schema request with the scripted JSON, as a Response the SDK reads', async () => {
    const sim = await simulator.start(SCRIPTS)
    const response = await ask(
      client(sim),
      CALL_LABELS_FORMAT,
      'Caller: I want a refund for these boots.'
    )
    expect(JSON.parse(response.output_text)).toEqual({
      sentiment: 'negative',
      scenario: 'return_request'
    })
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_[0-9a-f]{50}$/),
      object: 'response',
      status: 'completed',
      incomplete_details: null,
      error: null,
      model: 'gpt-4o-mini',
      instructions: 'Label the call.',
      max_output_tokens: 60,
      store: false,
      text: { format: { type: 'json_schema', name: 'call_labels', strict: true } },
      output: [
        {
          type: 'message',
          role: 'assistant',
          status: 'completed',
          id: expect.stringMatching(/^msg_/),
          content: [{ type: 'output_text', annotations: [], text: response.output_text }]
        }
      ]
    })
    const usage = response.usage!
    expect(usage.output_tokens).toBe(Math.ceil(response.output_text.length / 4))
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens)
    expect(usage.input_tokens_details.cached_tokens).toBe(0)
    const { data, request_id } = await client(sim)
      .responses.create({
        model: 'gpt-4o-mini',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'refund please' }] }],
        text: { format: { type: 'json_schema', strict: true, ...CALL_LABELS_FORMAT } }
      })
      .withResponse()
    expect(data.status).toBe('completed')
    expect(request_id).toMatch(/^req_[0-9a-f]{32}$/)
    expect(responsesLog(sim)).toEqual([
      expect.objectContaining({
        kind: 'responses',
        call_id: null,
        status: 200,
        outcome: 'completed',
        model: 'gpt-4o-mini',
        format: 'call_labels',
        instructions: 'Label the call.',
        input: 'Caller: I want a refund for these boots.',
        script: 0,
        response_id: response.id,
        output_text: response.output_text
      }),
      expect.objectContaining({ outcome: 'completed', input: 'refund please', script: 0 })
    ])
  })

  it("takes Azure's path with an api-key header", async () => {
    const sim = await simulator.start(SCRIPTS)
    const body = JSON.stringify({
      model: 'labels-deployment',
      input: 'refund',
      text: { format: { type: 'json_schema', strict: true, ...CALL_LABELS_FORMAT } }
    })
    const json = { 'content-type': 'application/json' }
    const ok = await post(`${sim.url}/openai/v1/responses`, { 'api-key': API_KEY, ...json }, body)
    expect(ok.status).toBe(200)
    expect(ok.json()).toMatchObject({ object: 'response', model: 'labels-deployment' })
    const refused = await post(
      `${sim.url}/openai/v1/responses`,
      { 'api-key': 'nope', ...json },
      body
    )
    expect(refused.status).toBe(401)
    expect(refused.json()).toMatchObject({ error: { code: '401' } })
    // The api-key header is Azure's only: OpenAI's path wants a bearer.
    const openai = await post(`${sim.url}/v1/responses`, { 'api-key': API_KEY, ...json }, body)
    expect(openai.status).toBe(401)
    await expect(
      ask(client(sim, { apiKey: 'sk-wrong-key-123456' }), CALL_LABELS_FORMAT, 'refund')
    ).rejects.toThrow(AuthenticationError)
    expect(responsesLog(sim).map((e) => e.outcome)).toEqual([
      'completed',
      'unauthorized',
      'unauthorized',
      'unauthorized'
    ])
  })

  it('answers with a refusal content part', async () => {
    const sim = await simulator.start(SCRIPTS)
    const response = await ask(
      client(sim),
      UTTERANCE_SENTIMENT_FORMAT,
      'LAST caller utterance: you stupid machine'
    )
    expect(response.status).toBe('completed')
    expect(response.output_text).toBe('')
    expect(response.output).toMatchObject([
      {
        type: 'message',
        content: [{ type: 'refusal', refusal: "I can't help with that request." }]
      }
    ])
    expect(responsesLog(sim)[0]).toMatchObject({ outcome: 'refusal', script: 3 })
  })

  it('holds a scripted delay past the client timeout: the SDK times out, the log says the client left', async () => {
    const sim = await simulator.start(SCRIPTS)
    const started = performance.now()
    await expect(
      ask(client(sim, { timeout: 300 }), UTTERANCE_SENTIMENT_FORMAT, 'LAST caller utterance: slow')
    ).rejects.toThrow(APIConnectionTimeoutError)
    expect(performance.now() - started).toBeLessThan(2500)
    await expect
      .poll(() => responsesLog(sim).map((e) => [e.outcome, e.status, e.delay_ms]))
      .toEqual([['client_gone', 0, 3000]])
  })

  it('sends a scripted 429 once (the SDK retries after retry-after-ms) and a 500 every time', async () => {
    const sim = await simulator.start(SCRIPTS)
    const retried = await ask(
      client(sim, { maxRetries: 1 }),
      UTTERANCE_SENTIMENT_FORMAT,
      'LAST caller utterance: busy line'
    )
    expect(JSON.parse(retried.output_text)).toEqual({ negative: true, cue: 'scripted cue' })
    const failure = await ask(
      client(sim, { maxRetries: 1 }),
      UTTERANCE_SENTIMENT_FORMAT,
      'LAST caller utterance: broken'
    ).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(InternalServerError)
    expect((failure as InternalServerError).error).toEqual({
      message: 'The server had an error while processing your request. Sorry about that!',
      type: 'server_error',
      param: null,
      code: null
    })
    // The header the SDK waits on instead of its own back-off, and the API's 429 body.
    const crowded = await post(
      `${sim.url}/v1/responses`,
      { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      JSON.stringify({
        model: 'gpt-4o-mini',
        input: 'crowded',
        text: { format: { type: 'json_schema', strict: true, ...CALL_LABELS_FORMAT } }
      })
    )
    expect(crowded.status).toBe(429)
    expect(crowded.headers.get('retry-after-ms')).toBe('25')
    expect(crowded.json()).toMatchObject({
      error: { type: 'tokens', code: 'rate_limit_exceeded', param: null }
    })
    expect(responsesLog(sim).map((e) => [e.outcome, e.status, e.script])).toEqual([
      ['http_error', 429, 5],
      ['completed', 200, 7],
      ['http_error', 500, 6],
      ['http_error', 500, 6],
      ['http_error', 429, 8]
    ])
    expect(responsesLog(sim)[0]!.error).toMatch(/^Rate limit reached for gpt-4o-mini/)
  })

  it('cuts an answer longer than max_output_tokens: incomplete, reason max_output_tokens', async () => {
    const sim = await simulator.start(SCRIPTS)
    const response = await ask(client(sim), CALL_LABELS_FORMAT, 'a long answer', {
      max_output_tokens: 16
    })
    expect(response.status).toBe('incomplete')
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' })
    expect(response.output_text).toHaveLength(64)
    expect(response.usage!.output_tokens).toBe(16)
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' })
    expect(responsesLog(sim)[0]).toMatchObject({ outcome: 'incomplete', script: 2 })
  })

  it("refuses a script's JSON that breaks the request's schema as a scenario error", async () => {
    const sim = await simulator.start(SCRIPTS)
    const error = await ask(client(sim), CALL_LABELS_FORMAT, 'off schema').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).code).toBe('scenario_error')
    expect((error as BadRequestError).message).toBe(
      `400 Scenario error: responses[1].json does not follow the request's schema 'call_labels' (/sentiment: must be one of "negative", "neutral", "positive", not "furious").`
    )
    expect(responsesLog(sim)[0]).toMatchObject({ outcome: 'scenario_error', status: 400 })
  })

  it('says which format has no scripted answer', async () => {
    const sim = await simulator.start(SCRIPTS)
    const error = await ask(client(sim), CALL_LABELS_FORMAT, 'hello').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as BadRequestError).code).toBe('no_scripted_answer')
    expect((error as BadRequestError).message).toContain("text.format 'call_labels'")
    expect(responsesLog(sim)[0]).toMatchObject({ outcome: 'no_script', script: null })
  })

  it('checks the request as the API does, in its words', async () => {
    const sim = await simulator.start(SCRIPTS)
    const refused = async (body: Record<string, unknown>) => {
      const res = await post(
        `${sim.url}/v1/responses`,
        { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        JSON.stringify(body)
      )
      expect(res.status).toBe(400)
      return (res.json() as { error: Record<string, unknown> }).error
    }
    const base = { model: 'gpt-4o-mini', input: 'refund' }
    expect(await refused({ input: 'hi' })).toEqual({
      type: 'invalid_request_error',
      code: 'missing_required_parameter',
      param: 'model',
      message: "Missing required parameter: 'model'."
    })
    expect(await refused({ ...base, temperatur: 1 })).toMatchObject({
      code: 'unknown_parameter',
      message: "Unknown parameter: 'temperatur'."
    })
    expect(await refused({ ...base, input: 3 })).toMatchObject({
      code: 'invalid_type',
      param: 'input',
      message:
        "Invalid type for 'input': expected one of a string or array of input items, but got an integer instead."
    })
    expect(await refused({ ...base, input: [{ role: 'robot', content: 'x' }] })).toMatchObject({
      code: 'invalid_value',
      param: 'input[0].role',
      message:
        "Invalid value: 'robot'. Supported values are: 'user', 'assistant', 'system', 'developer'."
    })
    expect(await refused({ ...base, max_output_tokens: 5 })).toMatchObject({
      code: 'integer_below_min_value',
      message:
        "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 5 instead."
    })
    const format = { type: 'json_schema', name: 'call_labels', strict: true }
    expect(await refused({ ...base, text: { format } })).toMatchObject({
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'text.format.schema'."
    })
    const loose = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }
    expect(await refused({ ...base, text: { format: { ...format, schema: loose } } })).toEqual({
      type: 'invalid_request_error',
      code: 'invalid_json_schema',
      param: 'text.format.schema',
      message:
        "Invalid schema for response_format 'call_labels': In context=(), 'additionalProperties' is required to be supplied and to be false."
    })
    const nested = {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { a: { type: 'string' }, b: { type: 'string' } },
            required: ['a'],
            additionalProperties: false
          }
        }
      },
      required: ['items'],
      additionalProperties: false
    }
    expect(
      (await refused({ ...base, text: { format: { ...format, schema: nested } } }))['message']
    ).toBe(
      "Invalid schema for response_format 'call_labels': In context=('properties', 'items', 'items'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'."
    )
    expect(await refused({ ...base, stream: true })).toMatchObject({ param: 'stream' })
    for (const body of ['{"model": ', '[1, 2]']) {
      const res = await post(
        `${sim.url}/v1/responses`,
        { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body
      )
      expect([res.status, (res.json() as { error: { message: string } }).error.message]).toEqual([
        400,
        'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'
      ])
    }
    expect(responsesLog(sim).every((e) => e.outcome === 'invalid_request')).toBe(true)
  })

  it('refuses a scenario whose scripts are ambiguous or unreadable', () => {
    const load = (yaml: string) => () => parseScenario(SCENARIO_YAML + yaml, 'bad.yaml')
    expect(load('responses:\n  - { format: x, json: {}, refusal: no }')).toThrow(
      /responses\.0: a script needs exactly one of json, text, refusal, http_error/
    )
    expect(load('responses:\n  - { input: "(", refusal: no }')).toThrow(
      /responses\.0\.input: not a valid regular expression/
    )
    expect(parseScenario(SCENARIO_YAML, 'old.yaml').responses).toEqual([])
  })
})
