import { describe, expect, it } from 'vitest'
import { virtualCall } from './support/virtualCall'

// A supervisor's instruction reaches the agent as a GA system message item, then a
// response.create so the agent acts on it now (the console's CallEngine.instruct).

const INSTRUCTION = {
  type: 'conversation.item.create',
  item: {
    type: 'message',
    role: 'system',
    content: [{ type: 'input_text', text: 'Hand the caller over to a human now.' }]
  }
}

describe('CallSession: system message from the console', { timeout: 30_000 }, () => {
  it('adds the system item, logs it as received, and answers the response.create', async () => {
    const v = virtualCall()
    v.call.open()
    v.send(INSTRUCTION)
    expect(v.ofType('error')).toEqual([])
    const added = v.ofType('conversation.item.added')
    expect(added).toHaveLength(1)
    expect(added[0]!['item']).toMatchObject({
      type: 'message',
      role: 'system',
      status: 'completed',
      content: [{ type: 'input_text', text: 'Hand the caller over to a human now.' }]
    })
    const received = v.log
      .list('rtc_test')
      .filter((e) => e.kind === 'event' && e.direction === 'received')
    expect(received.map((e) => (e.kind === 'event' ? e.event : null))).toContainEqual(INSTRUCTION)

    v.send({ type: 'response.create' })
    await v.run(100)
    expect(v.ofType('response.created')).toHaveLength(1)
    expect(v.ofType('error')).toEqual([])
    v.expectConformance()
  })

  it('refuses a system message with an output part, as the API does', () => {
    const v = virtualCall()
    v.send({
      ...INSTRUCTION,
      item: { ...INSTRUCTION.item, content: [{ type: 'output_audio_x', text: 'x' }] }
    })
    expect(v.sent).toHaveLength(1)
    expect(v.sent[0]).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } })
  })
})
