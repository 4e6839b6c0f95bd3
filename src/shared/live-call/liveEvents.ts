import type {
  ClientEvent as LiveClientEvent,
  ServerEvent as LiveServerEvent
} from 'openai/resources/live/live'
import type { CallEvent, MicSpeechObservation } from './callEvents'

// GPT-Live's wire events as the `openai` SDK types them (the contract, docs/gpt-live.md), and
// the page's own microphone observations that stand in for Realtime's server VAD events.

export type { LiveClientEvent, LiveServerEvent, MicSpeechObservation }

/** The Live server events the adapter reads; the rest are recorded and only move the clock. */
export const LIVE_SERVER_TYPES: ReadonlySet<string> = new Set<LiveServerEvent['type']>([
  'session.started',
  'session.input_transcript.delta',
  'session.output_transcript.delta',
  'session.delegation.created',
  'session.usage.updated',
  'session.closed'
])

/** The client events the console sends on a Live data channel. */
export const LIVE_CLIENT_TYPES: ReadonlySet<string> = new Set<LiveClientEvent['type']>([
  'session.commentary.append',
  'session.instructions.append',
  'session.thinking.append',
  'session.close'
])

export const MIC_TYPES: ReadonlySet<string> = new Set<MicSpeechObservation['type']>([
  'mic.speech_started',
  'mic.speech_stopped'
])

export type LiveInputEvent =
  | Extract<
      LiveServerEvent,
      {
        type:
          | 'session.started'
          | 'session.input_transcript.delta'
          | 'session.output_transcript.delta'
          | 'session.delegation.created'
          | 'session.usage.updated'
          | 'session.closed'
      }
    >
  | Extract<
      LiveClientEvent,
      {
        type:
          | 'session.commentary.append'
          | 'session.instructions.append'
          | 'session.thinking.append'
          | 'session.close'
      }
    >

export function isLiveInputEvent(event: CallEvent): event is LiveInputEvent {
  return LIVE_SERVER_TYPES.has(event.type) || LIVE_CLIENT_TYPES.has(event.type)
}
