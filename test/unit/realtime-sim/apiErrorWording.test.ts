import { describe, expect, it } from 'vitest'
import { parseClientEvent } from '../../../src/main/realtime-sim/call/parseClientEvent'

const update = (session: Record<string, unknown>) =>
  JSON.stringify({ type: 'session.update', session: { type: 'realtime', ...session } })

function errorOf(text: string) {
  const parsed = parseClientEvent(text)
  if (parsed.ok) throw new Error('expected a refusal')
  return parsed.error
}

// Each refusal as the API words it (its 400 bodies and `error` events), never zod's wording.
describe('validation errors in the API wording', () => {
  it.each([
    [
      'an invalid enum value',
      update({ audio: { output: { voice: 'robot' } } }),
      'invalid_value',
      'session.audio.output.voice',
      "Invalid value: 'robot'. Supported values are: 'alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'."
    ],
    [
      'a string where an integer goes',
      update({
        audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 'long' } } }
      }),
      'invalid_type',
      'session.audio.input.turn_detection.silence_duration_ms',
      "Invalid type for 'session.audio.input.turn_detection.silence_duration_ms': expected a decimal, but got a string instead."
    ],
    [
      'a number where a string goes',
      update({ instructions: 5 }),
      'invalid_type',
      'session.instructions',
      "Invalid type for 'session.instructions': expected a string, but got an integer instead."
    ],
    [
      'an unknown field',
      update({ modalities: ['audio'] }),
      'unknown_parameter',
      'session.modalities',
      "Unknown parameter: 'session.modalities'."
    ],
    [
      'a missing field',
      JSON.stringify({ type: 'session.update', session: { instructions: 'x' } }),
      'missing_required_parameter',
      'session.type',
      "Missing required parameter: 'session.type'."
    ],
    [
      'an integer above its maximum',
      update({ max_output_tokens: 5000 }),
      'integer_above_max_value',
      'session.max_output_tokens',
      "Invalid 'session.max_output_tokens': integer above maximum value. Expected a value <= 4096, but got 5000 instead."
    ],
    [
      'a decimal above its maximum',
      update({ audio: { input: { turn_detection: { type: 'server_vad', threshold: 1.5 } } } }),
      'decimal_above_max_value',
      'session.audio.input.turn_detection.threshold',
      "Invalid 'session.audio.input.turn_detection.threshold': decimal above maximum value. Expected a value <= 1, but got 1.5 instead."
    ],
    [
      'a decimal where an integer goes (a union branch)',
      update({ max_output_tokens: 1.5 }),
      'invalid_type',
      'session.max_output_tokens',
      "Invalid type for 'session.max_output_tokens': expected an integer, but got a decimal instead."
    ],
    [
      'an empty string in an array item',
      update({ tools: [{ type: 'function', name: '' }] }),
      'empty_string',
      'session.tools[0].name',
      "Invalid 'session.tools[0].name': empty string. Expected a string with minimum length 1, but got an empty string instead."
    ],
    [
      'an array too long',
      update({ output_modalities: ['audio', 'text'] }),
      'array_above_max_length',
      'session.output_modalities',
      "Invalid 'session.output_modalities': array too long. Expected an array with maximum length 1, but got an array with length 2 instead."
    ],
    [
      'an unknown turn detection type',
      update({ audio: { input: { turn_detection: { type: 'push_to_talk' } } } }),
      'invalid_value',
      'session.audio.input.turn_detection.type',
      "Invalid value: 'push_to_talk'. Supported values are: 'server_vad', 'semantic_vad'."
    ],
    [
      'a string tool_choice that is not a mode',
      update({ tool_choice: 'sometimes' }),
      'invalid_value',
      'session.tool_choice',
      "Invalid value: 'sometimes'. Supported values are: 'none', 'auto', 'required'."
    ]
  ])('%s', (_name, text, code, param, message) => {
    expect(errorOf(text)).toEqual({
      type: 'invalid_request_error',
      code,
      param,
      message,
      event_id: null
    })
  })

  it('never words an error the way zod does', () => {
    for (const text of [
      update({ audio: { output: { voice: 'robot' } } }),
      update({ max_output_tokens: 'lots' }),
      update({ truncation: { type: 'retention_ratio', retention_ratio: 2 } })
    ])
      expect(errorOf(text).message).not.toMatch(
        /Invalid option|Invalid input|expected one of|Too big/
      )
  })
})
