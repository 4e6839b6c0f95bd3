import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { API_KEY, useSimulator } from '../support/simServer'
import { openaiFor } from './support/openaiClient'

// Issue #16, contract tests: the official `openai` SDK (7.x) against the simulator: client
// secrets and call control, and errors that the SDK turns into its own error classes.

const SESSION = { type: 'realtime', model: 'gpt-realtime' } as const

describe('openai SDK: client.realtime against the simulator', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('mints a client secret with a session and an expiry', async () => {
    const client = openaiFor(await simulator.start(), API_KEY)
    const secret = await client.realtime.clientSecrets.create({
      expires_after: { anchor: 'created_at', seconds: 600 },
      session: { ...SESSION, instructions: 'Be brief.' }
    })
    expect(secret.value).toMatch(/^ek_/)
    expect(secret.expires_at).toBe(simulator.clock.seconds + 600)
    expect(secret.session).toMatchObject({ type: 'realtime', instructions: 'Be brief.' })
  })

  it('raises the SDK error classes with the API error fields', async () => {
    const sim = await simulator.start()
    const wrongKey = openaiFor(sim, 'sk-not-the-key')
    await expect(wrongKey.realtime.clientSecrets.create({ session: SESSION })).rejects.toSatisfy(
      (e) => e instanceof OpenAI.AuthenticationError && e.status === 401
    )
    const bad = await openaiFor(sim, API_KEY)
      .realtime.clientSecrets.create({
        session: { ...SESSION, audio: { output: { speed: 9 } } }
      })
      .catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError)
    expect(bad).toMatchObject({ status: 400, type: 'invalid_request_error' })
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).param).toMatch(/speed/)
  })

  it('creates a call from an SDP offer (multipart, standard key) and hangs it up', async () => {
    const sim = await simulator.start()
    const client = openaiFor(sim, API_KEY)
    const answer = await client.realtime.calls.create({
      sdp: await simulator.offer(),
      session: SESSION
    })
    expect(answer.status).toBe(201)
    expect(await answer.text()).toMatch(/^v=0/)
    const callId = answer.headers.get('location')?.split('/').pop() ?? ''
    expect(callId).toMatch(/^rtc_/)
    await client.realtime.calls.hangup(callId)
    await expect(client.realtime.calls.hangup(callId)).rejects.toBeInstanceOf(OpenAI.NotFoundError)
  })
})

// These hold once the protocol fixes of issue #16 (engineer "proto") are merged.
describe('openai SDK: the API details fixed by issue #16', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('mints a client secret with no body at all (the SDK documents create())', async () => {
    const client = openaiFor(await simulator.start(), API_KEY)
    // The 7.x typings require a body although every field is optional and the SDK's own doc
    // calls create() bare: what a caller who follows the doc sends is a POST with no body.
    const create = client.realtime.clientSecrets.create.bind(
      client.realtime.clientSecrets
    ) as unknown as () => ReturnType<typeof client.realtime.clientSecrets.create>
    const secret = await create()
    expect(secret.value).toMatch(/^ek_/)
    expect(secret.session.type).toBe('realtime')
    const empty = await client.realtime.clientSecrets.create({})
    expect(empty.value).toMatch(/^ek_/)
  })

  it('answers every request with an x-request-id the SDK reports', async () => {
    const client = openaiFor(await simulator.start(), API_KEY)
    const { request_id } = await client.realtime.clientSecrets
      .create({ session: SESSION })
      .withResponse()
    expect(request_id).toMatch(/^req_/)
    const failed = await client.realtime.calls.hangup('rtc_0000').then(
      () => null,
      (e: unknown) => e
    )
    expect(failed).toBeInstanceOf(OpenAI.NotFoundError)
    expect((failed as InstanceType<typeof OpenAI.APIError>).requestID).toMatch(/^req_/)
  })

  it('words a bad value as the API does, not as zod does', async () => {
    const client = openaiFor(await simulator.start(), API_KEY)
    const bad = await client.realtime.clientSecrets
      .create({ session: { ...SESSION, audio: { output: { voice: 'nobody' } } } })
      .then(
        () => null,
        (e: unknown) => e
      )
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError)
    expect((bad as Error).message).not.toMatch(/Invalid option|expected one of|Invalid input/)
  })

  it('accepts the session fields the SDK types allow (reasoning models)', async () => {
    const client = openaiFor(await simulator.start(), API_KEY)
    const secret = await client.realtime.clientSecrets.create({
      session: {
        type: 'realtime',
        model: 'gpt-realtime-2',
        parallel_tool_calls: true,
        reasoning: { effort: 'low' },
        audio: { input: { noise_reduction: { type: 'near_field', strength: 0.5 } } }
      }
    })
    expect(secret.value).toMatch(/^ek_/)
  })
})
