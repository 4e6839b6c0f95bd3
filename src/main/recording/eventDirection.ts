import { LOCAL_TYPES } from '../../shared/live-call/callReducer'
import { LIVE_CLIENT_TYPES } from '../../shared/live-call/liveEvents'

/** The `events.direction` column: who produced an input. */
export type EventDirection = 'server' | 'client' | 'local'

// The page's own observations (the reducer's list) and the client events the console may send
// (GA names, and GPT-Live's). Everything else came from the server, including types the reducer does not know
// yet (rate_limits.updated, …).
const CLIENT = new Set([
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
  'output_audio_buffer.clear'
])

export function eventDirection(type: string): EventDirection {
  if (LOCAL_TYPES.has(type)) return 'local'
  if (CLIENT.has(type) || LIVE_CLIENT_TYPES.has(type)) return 'client'
  return 'server'
}
