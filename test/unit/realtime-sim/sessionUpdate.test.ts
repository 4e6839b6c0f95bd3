import { OpenAIRealtimeWebSocket, type RealtimeSessionConfig } from '@openai/agents-realtime'
import { describe, expect, it } from 'vitest'
import { virtualCall } from './support/virtualCall'

/** The Agents SDK's own session payload builder (protected; the transport sends its output). */
class SdkSessionPayload extends OpenAIRealtimeWebSocket {
  build(config: Partial<RealtimeSessionConfig>): unknown {
    return this._getMergedSessionConfig(config)
  }
}

const TOOL = {
  type: 'function',
  name: 'search_products',
  description: 'Search the catalog.',
  parameters: { type: 'object', properties: { query: { type: 'string' } } }
}

describe('session.update as official clients send it', () => {
  it('applies instructions and tools from an update that names another model, and keeps the call on its model', () => {
    const v = virtualCall({ session: { type: 'realtime', model: 'gpt-realtime' } })
    v.call.open()
    // The Agents SDK puts its own model (default gpt-realtime-2.1) in every session.update.
    v.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        model: 'gpt-realtime-2.1',
        instructions: 'Answer about boots only.',
        tools: [TOOL],
        tool_choice: 'auto'
      }
    })
    expect(v.ofType('error')).toEqual([])
    expect(v.ofType('session.updated')[0]!['session']).toMatchObject({
      model: 'gpt-realtime',
      instructions: 'Answer about boots only.',
      tools: [TOOL]
    })
    v.expectConformance()
  })

  it('accepts the reasoning-model fields and noise reduction strength the API accepts', () => {
    const v = virtualCall()
    v.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        parallel_tool_calls: false,
        reasoning: { effort: 'minimal' },
        audio: { input: { noise_reduction: { type: 'far_field', strength: 0.4 } } }
      }
    })
    expect(v.ofType('error')).toEqual([])
    expect(v.ofType('session.updated')[0]!['session']).toMatchObject({
      parallel_tool_calls: false,
      reasoning: { effort: 'minimal' },
      audio: { input: { noise_reduction: { type: 'far_field', strength: 0.4 } } }
    })
  })

  it('still refuses what the API refuses: an unknown reasoning effort, a negative strength', () => {
    const v = virtualCall()
    v.send({ type: 'session.update', session: { type: 'realtime', reasoning: { effort: 'max' } } })
    v.send({
      type: 'session.update',
      session: { type: 'realtime', audio: { input: { noise_reduction: { strength: -1 } } } }
    })
    expect(v.ofType('error').map((e) => (e['error'] as { param: string }).param)).toEqual([
      'session.reasoning.effort',
      'session.audio.input.noise_reduction.strength'
    ])
    expect(v.ofType('session.updated')).toEqual([])
  })

  it('accepts the session.update the Agents SDK builds, its reasoning-model options included', () => {
    const session = new SdkSessionPayload().build({
      instructions: 'Help callers.',
      parallelToolCalls: true,
      reasoning: { effort: 'medium' },
      audio: { input: { noiseReduction: { type: 'near_field' } } }
    })
    const v = virtualCall()
    v.send({ type: 'session.update', session })
    expect(v.ofType('error')).toEqual([])
    expect(v.ofType('session.updated')[0]!['session']).toMatchObject({
      instructions: 'Help callers.',
      parallel_tool_calls: true,
      reasoning: { effort: 'medium' },
      audio: { input: { noise_reduction: { type: 'near_field' } } }
    })
  })
})
