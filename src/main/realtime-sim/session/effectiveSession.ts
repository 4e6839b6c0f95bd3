import type {
  RealtimeSession,
  RealtimeSessionConfig,
  TurnDetection
} from '../../../shared/realtime/sessionConfig'
import { newId } from '../call/ids'

type Config = Omit<RealtimeSessionConfig, 'type'>
type AudioInput = NonNullable<NonNullable<Config['audio']>['input']>
type AudioOutput = NonNullable<NonNullable<Config['audio']>['output']>

/** The session the simulator runs and reports: every field filled, like the API's. */
export interface EffectiveSession extends RealtimeSession {
  audio: {
    input: Required<Pick<AudioInput, 'format' | 'noise_reduction' | 'transcription'>> & {
      turn_detection: TurnDetection
    }
    output: Required<Pick<AudioOutput, 'format' | 'voice' | 'speed'>>
  }
  tools: NonNullable<Config['tools']>
  tool_choice: NonNullable<Config['tool_choice']>
}

const PCM = { type: 'audio/pcm', rate: 24000 } as const

/** Fills the API's defaults for a turn detection type (protocol doc §2). */
export function withVadDefaults(turn: TurnDetection): TurnDetection {
  if (turn === null) return null
  if (turn.type === 'semantic_vad')
    return { eagerness: 'auto', create_response: true, interrupt_response: true, ...turn }
  return {
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    create_response: true,
    interrupt_response: true,
    idle_timeout_ms: null,
    ...turn
  }
}

export function createSession(config?: RealtimeSessionConfig): EffectiveSession {
  const base: EffectiveSession = {
    id: newId('sess'),
    object: 'realtime.session',
    type: 'realtime',
    model: 'gpt-realtime',
    instructions: '',
    output_modalities: ['audio'],
    audio: {
      input: {
        format: PCM,
        noise_reduction: null,
        transcription: null,
        turn_detection: withVadDefaults({ type: 'server_vad' })
      },
      output: { format: PCM, voice: 'marin', speed: 1 }
    },
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf'
  }
  return config ? applySessionUpdate(base, config) : base
}

/** `session.update` semantics: given fields replace, audio.input/output merge field by field. */
export function applySessionUpdate(
  session: EffectiveSession,
  update: RealtimeSessionConfig
): EffectiveSession {
  const { audio, ...rest } = update
  const input = audio?.input ?? {}
  const output = audio?.output ?? {}
  return {
    ...session,
    ...stripUndefined(rest),
    audio: {
      input: {
        ...session.audio.input,
        ...stripUndefined({ ...input, turn_detection: undefined }),
        ...('turn_detection' in input && input.turn_detection !== undefined
          ? { turn_detection: withVadDefaults(input.turn_detection) }
          : {})
      },
      output: { ...session.audio.output, ...stripUndefined(output) }
    }
  } as EffectiveSession
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
