/** The `events.direction` column: who produced an input. */
export type EventDirection = 'server' | 'client' | 'local'

// The page's own observations (callEvents.ts LocalObservation) and the client events the
// console sends (GA names). Everything else came from the server, including types the reducer
// does not know yet (rate_limits.updated, …).
const LOCAL = new Set([
  'remote_audio.audible',
  'remote_audio.silent',
  'tool.result',
  'connection.state',
  'clock.tick',
  'call.ended'
])
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
  if (LOCAL.has(type)) return 'local'
  if (CLIENT.has(type)) return 'client'
  return 'server'
}
