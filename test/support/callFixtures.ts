import type {
  KnownCallEvent,
  KnownCallInput,
  ResponseUsageLike
} from '../../src/shared/live-call/callEvents'

// Recorded-style call sequences for the reducer's tests: `{ t, event }` in arrival order, with
// the event order the GA server and tools/realtime-sim produce (response.done before the audio
// buffer drains; cleared in the frame of the barge-in).

type Part = KnownCallInput | readonly KnownCallInput[]

/** Flattens parts and sorts them by time (stable: same-time inputs keep their written order). */
export function recording(...parts: Part[]): KnownCallInput[] {
  return parts.flat().sort((a, b) => a.t - b.t)
}

const at = (t: number, event: KnownCallEvent): KnownCallInput => ({ t, event })

export function sessionCreated(t: number, id: string, transcription = true): KnownCallInput {
  return at(t, {
    type: 'session.created',
    session: {
      id,
      model: 'gpt-realtime',
      audio: {
        input: {
          transcription: transcription ? { model: 'gpt-4o-mini-transcribe' } : null,
          turn_detection: { type: 'server_vad', interrupt_response: true }
        }
      }
    }
  })
}

/** Caller speech as the server reports it: VAD start/stop, commit, transcript. */
export function callerSpeech(
  item: string,
  startT: number,
  stopT: number,
  transcript: string | null,
  transcriptT = stopT + 250
): KnownCallInput[] {
  const inputs = [
    at(startT, {
      type: 'input_audio_buffer.speech_started',
      item_id: item,
      audio_start_ms: startT
    }),
    at(stopT, { type: 'input_audio_buffer.speech_stopped', item_id: item, audio_end_ms: stopT }),
    at(stopT + 2, { type: 'input_audio_buffer.committed', item_id: item, previous_item_id: null })
  ]
  if (transcript !== null)
    inputs.push(
      at(transcriptT, {
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: item,
        transcript,
        usage: { type: 'tokens', input_tokens: 12, output_tokens: 8, total_tokens: 20 }
      })
    )
  return inputs
}

export function usage(outputAudio: number, outputText = 20, inputAudio = 300): ResponseUsageLike {
  return {
    total_tokens: inputAudio + 100 + outputAudio + outputText,
    input_tokens: inputAudio + 100,
    output_tokens: outputAudio + outputText,
    input_token_details: {
      text_tokens: 100,
      audio_tokens: inputAudio,
      cached_tokens: 0,
      cached_tokens_details: { text_tokens: 0, audio_tokens: 0 }
    },
    output_token_details: { text_tokens: outputText, audio_tokens: outputAudio }
  }
}

export interface AnswerTimes {
  created: number
  /** `output_audio_buffer.started`; null: no audio (or the session hides buffer events). */
  audio: number | null
  /** `response.done`. */
  done: number
  /** `output_audio_buffer.stopped`; null: cut or still playing. */
  stopped: number | null
  /** First audible energy on the remote track. */
  ear?: number
}

/** An agent answer: created, transcript deltas word by word, done, buffer started/stopped. */
export function agentAnswer(
  id: string,
  times: AnswerTimes,
  text: string,
  done: {
    status?: 'completed' | 'cancelled' | 'failed'
    reason?: string
    usage?: ResponseUsageLike
  } = {}
): KnownCallInput[] {
  const words = text.split(/(?<= )/)
  const step = Math.max(
    1,
    Math.floor((times.done - times.created - 20) / Math.max(1, words.length))
  )
  const inputs: KnownCallInput[] = [
    at(times.created, {
      type: 'response.created',
      response: { id, status: 'in_progress', conversation_id: 'conv_1', metadata: null }
    }),
    ...words.map((delta, i) =>
      at(times.created + 10 + i * step, {
        type: 'response.output_audio_transcript.delta',
        response_id: id,
        delta
      })
    )
  ]
  const status = done.status ?? 'completed'
  if (status === 'completed')
    inputs.push(
      at(times.done - 2, {
        type: 'response.output_audio_transcript.done',
        response_id: id,
        transcript: text
      })
    )
  inputs.push(
    at(times.done, {
      type: 'response.done',
      response: {
        id,
        status,
        status_details: done.reason ? { type: status, reason: done.reason } : null,
        usage: done.usage ?? usage(Math.round(text.length * 1.2)),
        conversation_id: 'conv_1'
      }
    })
  )
  if (times.audio !== null)
    inputs.push(at(times.audio, { type: 'output_audio_buffer.started', response_id: id }))
  if (times.stopped !== null)
    inputs.push(at(times.stopped, { type: 'output_audio_buffer.stopped', response_id: id }))
  if (times.ear !== undefined) inputs.push(at(times.ear, { type: 'remote_audio.audible' }))
  return inputs
}

export const ANSWER_1 =
  'Yes, the TrailBlazer X200 is waterproof and costs one hundred forty nine dollars.'
const ANSWER_LONG =
  'We have three waterproof boots: the TrailBlazer X200 at one hundred forty nine dollars, ' +
  'the Summit Pro at one hundred seventy nine, and the Ridge Runner at one hundred twenty nine, ' +
  'all in stock in most sizes.'

/** Greeting then three caller turns answered normally; latencies 430, 520, 390 ms. */
export const NORMAL_CALL: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  at(50, { type: 'response.create' }),
  agentAnswer(
    'resp_greet',
    { created: 80, audio: 400, done: 900, stopped: 2400, ear: 460 },
    'Thanks for calling OutdoorGear, how can I help?'
  ),
  at(2450, { type: 'remote_audio.silent' }),
  callerSpeech('item_1', 3000, 4800, 'Do you have waterproof hiking boots?'),
  agentAnswer(
    'resp_1',
    { created: 4810, audio: 5230, done: 5600, stopped: 9800, ear: 5290 },
    ANSWER_1
  ),
  at(9850, { type: 'remote_audio.silent' }),
  callerSpeech('item_2', 10500, 11900, 'Do they come in size eleven?'),
  agentAnswer(
    'resp_2',
    { created: 11910, audio: 12420, done: 12700, stopped: 14500, ear: 12470 },
    'They do, size eleven is in stock.'
  ),
  at(14550, { type: 'remote_audio.silent' }),
  callerSpeech('item_3', 15200, 16300, 'Great, thank you.'),
  agentAnswer(
    'resp_3',
    { created: 16310, audio: 16690, done: 16900, stopped: 18800, ear: 16760 },
    'You are welcome, goodbye!'
  ),
  at(20000, { type: 'call.ended' })
)

/**
 * The caller cuts a long answer 3005 ms into its audio; the server clears the buffer in the same
 * frame. The answer had finished generating (240 audio tokens, about 12 s of speech).
 */
export const BARGE_IN_CLEARED: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'What waterproof boots do you have?'),
  agentAnswer(
    'resp_1',
    { created: 1510, audio: 1900, done: 2600, stopped: null, ear: 1960 },
    ANSWER_LONG,
    { usage: usage(240) }
  ),
  callerSpeech('item_2', 4900, 6400, 'Wait, I need them in size eleven.', 6700),
  at(4905, { type: 'output_audio_buffer.cleared', response_id: 'resp_1' }),
  agentAnswer(
    'resp_2',
    { created: 6410, audio: 6800, done: 7100, stopped: 9000, ear: 6850 },
    'Sure, all three come in size eleven.',
    { usage: usage(38) }
  ),
  at(9500, { type: 'call.ended' })
)

/**
 * The caller cuts an answer still being generated; the session delivers no `cleared`, only
 * `response.done` cancelled / turn_detected. 60 audio tokens were generated (about 3 s).
 */
export const BARGE_IN_CANCELLED: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'Can I return boots I wore once?'),
  agentAnswer(
    'resp_1',
    { created: 1510, audio: 2000, done: 3210, stopped: null },
    'You can return unworn items within thirty days, and worn ones ',
    { status: 'cancelled', reason: 'turn_detected', usage: usage(60) }
  ),
  callerSpeech('item_2', 3200, 4700, 'They were only worn indoors.', 5000),
  agentAnswer(
    'resp_2',
    { created: 4710, audio: 5100, done: 5400, stopped: 7500 },
    'Then they count as unworn, you can return them.',
    { usage: usage(48) }
  ),
  at(8000, { type: 'call.ended' })
)

/**
 * While the agent talks (interrupt_response off: nothing is cut), the caller says "Mm-hmm."
 * (350 ms), "Sí, vale." (700 ms, known words) and a 300 ms sound whose transcription fails.
 */
export const BACKCHANNELS: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'What waterproof boots do you have?'),
  agentAnswer(
    'resp_1',
    { created: 1510, audio: 1900, done: 2600, stopped: 13000, ear: 1950 },
    ANSWER_LONG
  ),
  callerSpeech('item_bc1', 4000, 4350, 'Mm-hmm.'),
  callerSpeech('item_bc2', 7000, 7700, 'Sí, vale.'),
  callerSpeech('item_bc3', 10000, 10300, null),
  at(10500, {
    type: 'conversation.item.input_audio_transcription.failed',
    item_id: 'item_bc3',
    error: { type: 'transcription_error', message: 'Audio too short' }
  }),
  at(14000, { type: 'call.ended' })
)

/**
 * The agent's own voice comes back 90 ms after its audio started, the server cuts the answer
 * for it, and the transcript repeats the agent's words. The agent then answers its own echo.
 */
export const ECHO_CALL: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'Do you have waterproof hiking boots?'),
  agentAnswer('resp_1', { created: 1510, audio: 1900, done: 2300, stopped: null }, ANSWER_1),
  callerSpeech('item_echo', 1990, 2900, 'the TrailBlazer X200 is waterproof', 3100),
  at(1995, { type: 'output_audio_buffer.cleared', response_id: 'resp_1' }),
  agentAnswer(
    'resp_2',
    { created: 2910, audio: 3300, done: 3500, stopped: 5000 },
    'Yes, it is fully waterproof.'
  ),
  at(6000, { type: 'call.ended' })
)

/** A product search: spoken preamble with the call, result from main, answer after it. */
export const TOOL_CALL: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1800, 'Boots under two hundred dollars?'),
  agentAnswer(
    'resp_1',
    { created: 1810, audio: 2200, done: 2350, stopped: 3900 },
    'Let me check our catalog.'
  ),
  at(2300, {
    type: 'response.function_call_arguments.done',
    response_id: 'resp_1',
    call_id: 'call_1',
    name: 'search_products',
    arguments: '{"query":"waterproof hiking boots","max_price":200}'
  }),
  at(2420, {
    type: 'tool.result',
    call_id: 'call_1',
    name: 'search_products',
    ok: true,
    ms: 65,
    result_bytes: 812,
    result_count: 3
  }),
  at(2425, {
    type: 'conversation.item.create',
    item: { type: 'function_call_output', call_id: 'call_1', output: '{"products":[]}' }
  }),
  at(2426, { type: 'response.create' }),
  agentAnswer(
    'resp_2',
    { created: 2440, audio: 3950, done: 2900, stopped: 8000 },
    'The TrailBlazer X200 is one hundred forty nine dollars.'
  ),
  at(9000, { type: 'call.ended' })
)

/** A server error, then a failed answer to the second turn. */
export const ERROR_CALL: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'Where is my order?'),
  agentAnswer(
    'resp_1',
    { created: 1510, audio: 1900, done: 2200, stopped: 4000 },
    'Could you give me the order number?'
  ),
  at(4100, {
    type: 'error',
    error: {
      type: 'invalid_request_error',
      code: 'response_cancel_not_active',
      message: 'Cancellation failed: no active response found.'
    }
  }),
  callerSpeech('item_2', 5000, 6200, 'It is ORD-1042.'),
  at(6210, {
    type: 'response.created',
    response: { id: 'resp_2', status: 'in_progress', conversation_id: 'conv_1' }
  }),
  at(6900, {
    type: 'response.done',
    response: {
      id: 'resp_2',
      status: 'failed',
      status_details: {
        type: 'failed',
        error: { type: 'server_error', code: 'overloaded' }
      },
      usage: null
    }
  }),
  at(8000, { type: 'call.ended' })
)

/**
 * The data channel drops while the second answer plays; a new session starts 2 s later and a
 * third turn is answered in it.
 */
export const RECONNECT_CALL: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'Hi, I need a tent.'),
  agentAnswer(
    'resp_1',
    { created: 1510, audio: 1900, done: 2200, stopped: 4000 },
    'Sure, for how many people?'
  ),
  callerSpeech('item_2', 4500, 5500, 'Two people.'),
  at(5510, {
    type: 'response.created',
    response: { id: 'resp_2', status: 'in_progress', conversation_id: 'conv_1' }
  }),
  at(5900, { type: 'output_audio_buffer.started', response_id: 'resp_2' }),
  at(6400, { type: 'connection.state', state: 'reconnecting', message: 'Data channel closed' }),
  sessionCreated(8400, 'sess_2'),
  callerSpeech('item_3', 9000, 10000, 'Are you there?'),
  agentAnswer(
    'resp_3',
    { created: 10010, audio: 10450, done: 10700, stopped: 12000 },
    'Yes, sorry. The Basecamp Two is our best two person tent.'
  ),
  at(12500, { type: 'call.ended' })
)

/** The supervisor presses "stop agent speaking": response.cancel then output_audio_buffer.clear. */
export const CONSOLE_STOP: KnownCallInput[] = recording(
  sessionCreated(0, 'sess_1'),
  callerSpeech('item_1', 200, 1500, 'What waterproof boots do you have?'),
  agentAnswer('resp_1', { created: 1510, audio: 1900, done: 3050, stopped: null }, ANSWER_LONG, {
    status: 'cancelled',
    reason: 'client_cancelled',
    usage: usage(100)
  }),
  at(3000, { type: 'response.cancel' }),
  at(3001, { type: 'output_audio_buffer.clear' }),
  at(3040, { type: 'output_audio_buffer.cleared', response_id: 'resp_1' }),
  at(5000, { type: 'call.ended' })
)
