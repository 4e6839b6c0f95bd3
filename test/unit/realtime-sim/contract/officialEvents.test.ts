import { describe, expect, it } from 'vitest'
import { officialEventProblem } from '../../../support/officialRealtimeEvents'

// The contract suite's judge: the official SDKs' schemas and types, never src/shared/realtime.

const completedTranscription = {
  type: 'conversation.item.input_audio_transcription.completed',
  event_id: 'event_1',
  item_id: 'item_1',
  content_index: 0,
  transcript: 'Hello.',
  usage: {
    type: 'tokens',
    total_tokens: 12,
    input_tokens: 10,
    input_token_details: { text_tokens: 0, audio_tokens: 10 },
    output_tokens: 2
  }
}

describe('officialEventProblem', () => {
  it('accepts an event the Agents SDK parses', () => {
    expect(officialEventProblem(completedTranscription)).toBeNull()
    expect(
      officialEventProblem({ type: 'output_audio_buffer.started', event_id: 'e', response_id: 'r' })
    ).toBeNull()
  })

  it("names the Agents SDK schema and zod's issue for an event the SDK would drop", () => {
    const usage: Record<string, unknown> = { ...completedTranscription.usage }
    delete usage['input_token_details']
    expect(officialEventProblem({ ...completedTranscription, usage })).toEqual({
      type: 'conversation.item.input_audio_transcription.completed',
      refusedBy:
        '@openai/agents-realtime conversationItemInputAudioTranscriptionCompletedEventSchema',
      issues: [expect.stringMatching(/^usage/)]
    })
    expect(officialEventProblem({ type: 'response.done', event_id: 'e' })?.issues).toEqual([
      expect.stringMatching(/^response: /)
    ])
  })

  it('refuses a type the openai SDK does not declare (beta names, typos) and a missing type', () => {
    for (const type of ['response.audio.delta', 'response.text.delta', 'session.create'])
      expect(officialEventProblem({ type, event_id: 'e' })?.refusedBy).toBe(
        "openai's RealtimeServerEvent"
      )
    expect(officialEventProblem({ event_id: 'e' })?.refusedBy).toBe('no type')
  })

  it('passes a declared type the Agents SDK has no schema for (it handles it as generic)', () => {
    expect(
      officialEventProblem({ type: 'input_audio_buffer.timeout_triggered', event_id: 'e' })
    ).toBeNull()
  })
})
