import OpenAI from 'openai'
import type { MediaSessionConfig, ServerEvent, SessionConfig } from 'openai/resources/live/live'
import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import type {
  LiveMediaSessionConfig,
  LiveSocketSessionConfig
} from '../../../../src/main/realtime-sim/live/liveConfig'
import { openaiFor } from '../contract/support/openaiClient'
import { API_KEY, useSimulator } from '../support/simServer'
import { liveEventProblem } from './liveEventShapes'
import { liveWrtcCall } from './liveWrtcCaller'

// Issue #20: the official `openai` SDK's `client.live.*` against the simulator, every event the
// simulator sends checked against the SDK's ServerEvent union (liveEventShapes.ts).

// Compile-time: what the simulator accepts is assignable to the SDK's own config types.
const acceptsOnlySdkConfig: [
  z.output<typeof LiveMediaSessionConfig> extends MediaSessionConfig ? true : false,
  z.output<typeof LiveSocketSessionConfig> extends SessionConfig ? true : false
] = [true, true]

const SESSION: MediaSessionConfig = {
  model: 'gpt-live-1',
  instructions: 'You are the OutdoorGear assistant.',
  delegation: { type: 'client' }
}

const TOOL_OUTPUT = JSON.stringify({
  ok: true,
  result: { products: [{ name: 'TrailBlazer X200', price_usd: 189.99 }] }
})

describe('openai SDK: client.live against the simulator', { timeout: 60_000 }, () => {
  const simulator = useSimulator()

  it('creates a WebRTC session, talks, delegates, barges in and closes', async () => {
    expect(acceptsOnlySdkConfig).toEqual([true, true])
    const sim = await simulator.start()
    const call = await liveWrtcCall(openaiFor(sim, API_KEY), SESSION)
    try {
      expect(call.created.session.id).toMatch(/^live_/)
      expect(call.created.transport.type).toBe('webrtc')
      const started = await call.waitFor('session.started')
      expect(started.session).toMatchObject({ id: call.created.session.id, model: 'gpt-live-1' })
      // The greeting: transcript on the channel, audio on the track.
      await call.waitFor('session.usage.updated')
      expect(call.heard.loudFrames).toBeGreaterThan(10)
      const before = call.events.length
      await call.say(700)
      const delegated = await call.waitFor('session.delegation.created', before)
      expect(delegated.delegation.target).toBe('client')
      const heardCaller = call.events
        .filter((e) => e.type === 'session.input_transcript.delta')
        .map((e) => (e.type === 'session.input_transcript.delta' ? e.delta : ''))
        .join('')
      expect(heardCaller).toBe('Do you have waterproof boots?')
      call.send({
        type: 'session.commentary.append',
        content: TOOL_OUTPUT,
        delegation_id: delegated.delegation.id,
        event_id: 'evt_result'
      })
      const acked = await call.waitFor('session.commentary.appended', before)
      expect(acked.client_event_id).toBe('evt_result')
      // The follow-up starts; the caller talks over it.
      const follow = call.events.length
      await call.waitFor('session.output_transcript.delta', follow)
      await call.say(600)
      await new Promise((resolve) => setTimeout(resolve, 900))
      const truth = sim.groundTruth.list(call.created.session.id)
      expect(truth.some((r) => r.kind === 'barge_in')).toBe(true)
      expect(truth).toContainEqual(
        expect.objectContaining({
          kind: 'delegation',
          state: 'created',
          expected_tool: 'search_products'
        })
      )
      call.send({ type: 'session.close' })
      const closed = await call.waitFor('session.closed')
      expect(closed.reason).toBe('close_requested')
      expect(closed.usage.seconds).toBeGreaterThanOrEqual(1)
      const typed: ServerEvent[] = call.events
      for (const event of typed)
        expect(liveEventProblem(event as never), JSON.stringify(event)).toBeNull()
    } finally {
      call.close()
    }
  })

  it('refuses an unknown session field with the SDK error class naming it', async () => {
    const sim = await simulator.start()
    const client = openaiFor(sim, API_KEY)
    const bad = await client.live
      .create({
        session: { ...SESSION, voice: 'ash' } as MediaSessionConfig,
        transport: { type: 'webrtc', sdp: 'v=0\r\n' }
      })
      .catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError)
    expect(bad).toMatchObject({ status: 400, code: 'unknown_parameter', param: 'session.voice' })
    const wrongKey = openaiFor(sim, 'sk-wrong')
    await expect(
      wrongKey.live.create({ session: SESSION, transport: { type: 'webrtc', sdp: 'v=0\r\n' } })
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })
})
