import { describe, expect, it } from 'vitest'
import type { ServerEvent } from '../realtime/serverEvents'
import { ResponseTurns } from './responseTurns'

// Only the fields ResponseTurns reads: the real events carry more.
const created = (id: string) => ({ type: 'response.created', response: { id } }) as ServerEvent
const done = (id: string) => ({ type: 'response.done', response: { id } }) as ServerEvent
const fnCall = (callId: string) =>
  ({
    type: 'response.function_call_arguments.done',
    call_id: callId,
    name: 'search_products',
    arguments: '{"query":"boots"}'
  }) as ServerEvent
const busy = {
  type: 'error',
  error: { type: 'invalid_request_error', code: 'conversation_already_has_active_response' }
} as ServerEvent

describe('ResponseTurns', () => {
  it('greets once', () => {
    const turns = new ResponseTurns()
    expect([turns.greet(), turns.greet()]).toEqual([true, false])
  })

  it('runs each function call once, and asks for the answer after its output', () => {
    const turns = new ResponseTurns()
    turns.onServerEvent(created('r1'))
    const step = turns.onServerEvent(fnCall('c1'))
    expect(step.runTool).toEqual({
      callId: 'c1',
      name: 'search_products',
      arguments: '{"query":"boots"}'
    })
    expect(turns.onServerEvent(fnCall('c1')).runTool).toBeNull()
    // The output arrived while r1 still runs: the create waits for its response.done.
    expect(turns.toolAnswered()).toBe(false)
    expect(turns.onServerEvent(done('r1'))).toEqual({ create: true, runTool: null })
    expect(turns.onServerEvent(done('r2')).create).toBe(false)
    expect(turns.toolAnswered()).toBe(true)
  })

  it('retries a create that raced an answer, but not a greeting that raced the caller', () => {
    const turns = new ResponseTurns()
    turns.greet()
    turns.onServerEvent(busy)
    expect(turns.onServerEvent(done('r1')).create).toBe(false)
    turns.toolAnswered()
    turns.onServerEvent(busy)
    expect(turns.onServerEvent(done('r2')).create).toBe(true)
  })

  it("stops an answer under way for a supervisor's instruction, then answers", () => {
    const turns = new ResponseTurns()
    expect(turns.instructed()).toEqual({ stopFirst: false, createNow: true })
    turns.onServerEvent(created('r1'))
    expect(turns.responding).toBe(true)
    expect(turns.instructed()).toEqual({ stopFirst: true, createNow: false })
    expect(turns.onServerEvent(done('r1')).create).toBe(true)
    expect(turns.responding).toBe(false)
  })
})
