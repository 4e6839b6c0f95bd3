import { describe, expect, it } from 'vitest'
import { expectAgentsSdkAccepts } from './support/agentsSdkSchemas'
import { speechAt, virtualCall } from './support/virtualCall'

type Event = Record<string, unknown>

/** The types of `events` from index `from` on, keeping only those in `types`. */
const typesOf = (events: Event[], types: string[], from = 0) =>
  events
    .slice(from)
    .map((e) => e['type'] as string)
    .filter((t) => types.includes(t))

const ANSWER_EVENTS = [
  'response.created',
  'response.output_item.added',
  'conversation.item.added',
  'response.content_part.added',
  'response.output_audio_transcript.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.done',
  'response.content_part.done',
  'response.output_item.done',
  'conversation.item.done',
  'response.done'
]

describe('event sequences as the API sends them, valid under the Agents SDK schemas', () => {
  it('streams a token model transcription as word deltas, then completed with input_token_details', async () => {
    const v = virtualCall({
      session: {
        type: 'realtime',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe', prompt: 'Boots, tents.' } } }
      }
    })
    v.call.open()
    await v.run(300, speechAt([10, 60]))
    const itemId = v.ofType('input_audio_buffer.committed')[0]!['item_id']
    const deltas = v.ofType('conversation.item.input_audio_transcription.delta')
    expect(deltas.length).toBeGreaterThan(1)
    expect(deltas.every((d) => d['item_id'] === itemId && d['content_index'] === 0)).toBe(true)
    expect(deltas.map((d) => d['delta']).join('')).toBe('Do you have waterproof boots?')
    const completed = v.find('conversation.item.input_audio_transcription.completed')
    expect(v.sent.indexOf(deltas.at(-1)!)).toBeLessThan(completed)
    const usage = v.sent[completed]!['usage'] as Record<string, number | object>
    expect(usage).toMatchObject({
      type: 'tokens',
      input_token_details: { text_tokens: 4, audio_tokens: expect.any(Number) }
    })
    const details = usage['input_token_details'] as { text_tokens: number; audio_tokens: number }
    expect(usage['input_tokens']).toBe(details.text_tokens + details.audio_tokens)
    expect(usage['total_tokens']).toBe(
      (usage['input_tokens'] as number) + (usage['output_tokens'] as number)
    )
    expectAgentsSdkAccepts(v.sent)
    v.expectConformance()
  })

  it('sends whisper-1 transcripts as one delta holding the whole turn, billed by duration', async () => {
    const v = virtualCall({
      session: { type: 'realtime', audio: { input: { transcription: { model: 'whisper-1' } } } }
    })
    v.call.open()
    await v.run(300, speechAt([10, 60]))
    expect(
      v.ofType('conversation.item.input_audio_transcription.delta').map((d) => d['delta'])
    ).toEqual(['Do you have waterproof boots?'])
    expect(
      v.ofType('conversation.item.input_audio_transcription.completed')[0]!['usage']
    ).toMatchObject({ type: 'duration', seconds: expect.any(Number) })
    expectAgentsSdkAccepts(v.sent)
  })

  it('wraps each answer part in content_part.added/done, in the API order', async () => {
    const v = virtualCall()
    v.call.open()
    v.send({ type: 'response.create' })
    await v.run(200)
    const order = typesOf(v.sent, ANSWER_EVENTS)
    expect(order.filter((t, i) => t !== order[i - 1])).toEqual(ANSWER_EVENTS)
    const added = v.ofType('response.output_item.added')[0]!['item'] as Event
    expect(added).toMatchObject({ type: 'message', status: 'in_progress', content: [] })
    expect(v.ofType('response.content_part.added')[0]).toMatchObject({
      output_index: 0,
      content_index: 0,
      item_id: added['id'],
      part: { type: 'audio', transcript: '' }
    })
    expect(v.ofType('response.content_part.done')[0]!['part']).toEqual({
      type: 'audio',
      transcript: 'Hello from OutdoorGear.'
    })
    expectAgentsSdkAccepts(v.sent)
    v.expectConformance()
  })

  it('closes a cancelled answer: its part, then its item incomplete, before response.done', async () => {
    const v = virtualCall()
    v.call.open()
    v.send({ type: 'response.create' })
    await v.run(30) // the 100 ms delay, then part of the answer generated
    v.send({ type: 'response.cancel' })
    const from = v.find('response.created')
    expect(typesOf(v.sent, ANSWER_EVENTS, from).filter((t, i, all) => t !== all[i - 1])).toEqual([
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.content_part.added',
      'response.output_audio_transcript.delta',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done'
    ])
    // The part holds what was generated before the cancel: the deltas sent, no more.
    const said = v.ofType('response.output_audio_transcript.delta').map((d) => d['delta'])
    expect(said.length).toBeGreaterThan(0)
    expect(said.join('')).not.toBe('Hello from OutdoorGear.')
    expect(v.ofType('response.content_part.done')[0]!['part']).toEqual({
      type: 'audio',
      transcript: said.join('')
    })
    for (const type of ['response.output_item.done', 'conversation.item.done'])
      expect(v.ofType(type)[0]!['item']).toMatchObject({ status: 'incomplete' })
    expect(v.ofType('response.done')[0]!['response']).toMatchObject({
      status: 'cancelled',
      output: [{ status: 'incomplete' }]
    })
    expectAgentsSdkAccepts(v.sent)
    v.expectConformance()
  })

  it('closes an answer the caller barges into (turn_detected) the same way', async () => {
    const v = virtualCall()
    v.call.open()
    // Turn 1, then turn 2's long answer, talked over from frame 400 while still generating.
    await v.run(600, speechAt([10, 60], [250, 300], [400, 460]))
    const cancelled = v
      .ofType('response.done')
      .map((e) => e['response'] as { id: string; status_details: unknown })
      .find((r) => (r.status_details as { reason?: string } | null)?.reason === 'turn_detected')
    expect(cancelled).toBeDefined()
    const mine = v.sent.filter((e) => e['response_id'] === cancelled!.id)
    const itemDone = mine.find((e) => e.type === 'response.output_item.done')!
    expect(itemDone['item']).toMatchObject({ status: 'incomplete' })
    const doneAt = v.sent.findIndex(
      (e) => e.type === 'response.done' && (e['response'] as { id: string }).id === cancelled!.id
    )
    expect(v.sent.indexOf(itemDone)).toBeLessThan(doneAt)
    expect(
      v
        .ofType('conversation.item.done')
        .some((e) => (e['item'] as Event)['id'] === (itemDone['item'] as Event)['id'])
    ).toBe(true)
    expectAgentsSdkAccepts(v.sent)
    v.expectConformance()
  })
})

describe('conversation.item.retrieve and conversation.item.delete', () => {
  it('retrieves items as they are now and deletes them from the conversation order', async () => {
    const v = virtualCall({
      session: {
        type: 'realtime',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } }
      }
    })
    v.call.open()
    await v.run(300, speechAt([10, 60]))
    const userId = v.ofType('input_audio_buffer.committed')[0]!['item_id'] as string
    const answerId = (v.ofType('response.output_item.done')[0]!['item'] as Event)['id'] as string

    v.send({ type: 'conversation.item.retrieve', item_id: userId })
    v.send({ type: 'conversation.item.retrieve', item_id: answerId })
    expect(v.ofType('conversation.item.retrieved').map((e) => e['item'])).toMatchObject([
      {
        id: userId,
        role: 'user',
        content: [{ type: 'input_audio', transcript: 'Do you have waterproof boots?' }]
      },
      {
        id: answerId,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_audio', transcript: 'Let me check.' }]
      }
    ])

    v.send({ type: 'conversation.item.delete', item_id: answerId })
    expect(v.ofType('conversation.item.deleted')).toMatchObject([{ item_id: answerId }])
    v.send({ type: 'conversation.item.retrieve', item_id: answerId, event_id: 'evt_gone' })
    v.send({ type: 'conversation.item.delete', item_id: 'item_nope', event_id: 'evt_nope' })
    expect(v.ofType('error').map((e) => e['error'])).toEqual([
      {
        type: 'invalid_request_error',
        code: 'item_not_found',
        message: `Item with item_id '${answerId}' not found.`,
        param: 'item_id',
        event_id: 'evt_gone'
      },
      {
        type: 'invalid_request_error',
        code: 'item_not_found',
        message: "Item with item_id 'item_nope' not found.",
        param: 'item_id',
        event_id: 'evt_nope'
      }
    ])
    // The deleted answer is out of the order: nothing can be inserted after it any more.
    v.send({
      type: 'conversation.item.create',
      previous_item_id: answerId,
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }
    })
    expect(v.ofType('error').at(-1)!['error']).toMatchObject({ param: 'previous_item_id' })
    expectAgentsSdkAccepts(v.sent)
    v.expectConformance()
  })

  it("inserts an item first with previous_item_id 'root'", () => {
    const v = virtualCall()
    const text = (t: string) => ({
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: t }]
    })
    v.send({ type: 'conversation.item.create', item: { id: 'item_a', ...text('a') } })
    v.send({
      type: 'conversation.item.create',
      previous_item_id: 'root',
      item: { id: 'item_b', ...text('b') }
    })
    v.send({ type: 'conversation.item.create', item: { id: 'item_c', ...text('c') } })
    expect(v.ofType('error')).toEqual([])
    expect(
      v
        .ofType('conversation.item.added')
        .map((e) => [(e['item'] as Event)['id'], e['previous_item_id']])
    ).toEqual([
      ['item_a', null],
      ['item_b', null],
      ['item_c', 'item_a']
    ])
  })

  it('refuses a retrieve without an item_id in the API wording', () => {
    const v = virtualCall()
    v.send({ type: 'conversation.item.retrieve' })
    expect(v.ofType('error')[0]!['error']).toMatchObject({
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'item_id'.",
      param: 'item_id'
    })
  })
})
