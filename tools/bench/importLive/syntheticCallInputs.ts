import type { KnownCallInput } from '../../../src/shared/live-call/callEvents'

const TURN_MS = 4000
/** The page's heartbeat (CallEngine's TICK_MS). */
const TICK_MS = 250

/**
 * An endless live call's inputs in arrival order, on the page clock from `startT`: every 4 s
 * the caller speaks (VAD start/stop, commit, transcript) and the agent answers with a response
 * of 30 transcript deltas; the page's heartbeat ticks every 250 ms. About 13 inputs a second.
 */
export function* syntheticCallInputs(startT: number): Generator<KnownCallInput> {
  for (let turn = 0; ; turn++) {
    const t0 = startT + turn * TURN_MS
    const ticks = Array.from({ length: TURN_MS / TICK_MS }, (_, i): KnownCallInput => ({
      t: t0 + i * TICK_MS,
      event: { type: 'clock.tick' }
    }))
    yield* [...turnInputs(t0, turn), ...ticks].sort((a, b) => a.t - b.t)
  }
}

function turnInputs(t0: number, turn: number): KnownCallInput[] {
  const item = `item_${turn}`
  const response = `resp_${turn}`
  const deltas = Array.from({ length: 30 }, (_, d): KnownCallInput => ({
    t: t0 + 1600 + d * 60,
    event: { type: 'response.output_audio_transcript.delta', response_id: response, delta: 'word ' }
  }))
  return [
    {
      t: t0,
      event: { type: 'input_audio_buffer.speech_started', item_id: item, audio_start_ms: t0 }
    },
    {
      t: t0 + 1200,
      event: { type: 'input_audio_buffer.speech_stopped', item_id: item, audio_end_ms: t0 + 1200 }
    },
    {
      t: t0 + 1202,
      event: { type: 'input_audio_buffer.committed', item_id: item, previous_item_id: null }
    },
    {
      t: t0 + 1450,
      event: {
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: item,
        transcript: 'Do you have the trail runner in a size ten, and can it ship this week?',
        usage: { type: 'tokens', input_tokens: 12, output_tokens: 8, total_tokens: 20 }
      }
    },
    {
      t: t0 + 1500,
      event: { type: 'response.created', response: { id: response, status: 'in_progress' } }
    },
    ...deltas,
    {
      t: t0 + 3500,
      event: {
        type: 'response.done',
        response: {
          id: response,
          status: 'completed',
          usage: { total_tokens: 400, input_tokens: 300, output_tokens: 100 }
        }
      }
    }
  ]
}
