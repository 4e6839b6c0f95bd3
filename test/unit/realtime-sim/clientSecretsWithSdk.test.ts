import OpenAI from 'openai'
import type { ClientSecretCreateParams } from 'openai/resources/realtime/client-secrets'
import { describe, expect, it } from 'vitest'
import { API_KEY, post, useSimulator } from './support/simServer'

const REQUEST_ID = /^req_[0-9a-f]{32}$/

// The official `openai` SDK (7.x) against the simulator: what its documented calls send.
describe('client secrets through the official openai SDK', { timeout: 30_000 }, () => {
  const simulator = useSimulator()
  const client = (url: string) => new OpenAI({ apiKey: API_KEY, baseURL: `${url}/v1` })

  it('mints with no body at all (clientSecrets.create()), with the API defaults', async () => {
    const sim = await simulator.start()
    // The SDK documents `create()` with no argument (its types want one): no body is sent.
    const noBody = undefined as unknown as ClientSecretCreateParams
    const secret = await client(sim.url).realtime.clientSecrets.create(noBody)
    expect(secret.value).toMatch(/^ek_/)
    expect(secret.expires_at).toBe(simulator.clock.seconds + 600)
    expect(secret.session).toMatchObject({
      type: 'realtime',
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      audio: { output: { voice: 'marin' } }
    })
    expect((secret as { _request_id?: string | null })._request_id).toMatch(REQUEST_ID)
  })

  it('accepts every session field the SDK types allow that the API accepts', async () => {
    const sim = await simulator.start()
    const secret = await client(sim.url).realtime.clientSecrets.create({
      expires_after: { seconds: 60 },
      session: {
        type: 'realtime',
        model: 'gpt-realtime-2',
        instructions: 'Help callers.',
        parallel_tool_calls: true,
        reasoning: { effort: 'low' },
        audio: {
          input: {
            noise_reduction: { type: 'near_field', strength: 0.6 },
            transcription: { model: 'gpt-realtime-whisper', delay: 'low' }
          }
        },
        tracing: { workflow_name: 'support', group_id: 'g1', metadata: { shop: 'outdoor' } },
        truncation: { type: 'retention_ratio', retention_ratio: 0.8 },
        prompt: { id: 'pmpt_123', version: '2', variables: { city: 'Bergen' } },
        include: ['item.input_audio_transcription.logprobs'],
        max_output_tokens: 4096,
        output_modalities: ['audio'],
        tool_choice: 'required'
      }
    })
    expect(secret.expires_at).toBe(simulator.clock.seconds + 60)
    expect(secret.session).toMatchObject({
      model: 'gpt-realtime-2',
      parallel_tool_calls: true,
      reasoning: { effort: 'low' },
      audio: { input: { noise_reduction: { type: 'near_field', strength: 0.6 } } },
      tool_choice: 'required'
    })
  })

  it('refuses a bad value with the API wording, surfaced by the SDK with its request id', async () => {
    const sim = await simulator.start()
    const error = await client(sim.url)
      .realtime.clientSecrets.create({
        session: { type: 'realtime', audio: { output: { voice: 'robot' } } }
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    const bad = error as InstanceType<typeof OpenAI.BadRequestError>
    expect(bad.status).toBe(400)
    expect(bad.code).toBe('invalid_value')
    expect(bad.param).toBe('session.audio.output.voice')
    expect(bad.error).toMatchObject({
      message:
        "Invalid value: 'robot'. Supported values are: 'alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'."
    })
    expect(bad.requestID).toMatch(REQUEST_ID)
  })
})

describe('x-request-id on every HTTP answer', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('names each request with its own req_ id: success, refusal, SDP answer, hang-up, 404', async () => {
    const sim = await simulator.start()
    const bearer = { Authorization: `Bearer ${API_KEY}` }
    const answers = [
      await post(`${sim.url}/v1/realtime/client_secrets`, bearer, ''),
      await post(`${sim.url}/v1/realtime/client_secrets`, { Authorization: 'Bearer nope' }, ''),
      await post(
        `${sim.url}/v1/realtime/calls`,
        { ...bearer, 'Content-Type': 'application/sdp' },
        await simulator.offer()
      ),
      await post(`${sim.url}/v1/realtime/calls/rtc_0000/hangup`, bearer, ''),
      await post(`${sim.url}/v1/nothing-here`, bearer, '')
    ]
    expect(answers.map((a) => a.status)).toEqual([200, 401, 201, 404, 404])
    const ids = answers.map((a) => a.headers.get('x-request-id'))
    for (const id of ids) expect(id).toMatch(REQUEST_ID)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
