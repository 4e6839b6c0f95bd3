import type { GroundTruthEntry } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'

interface AnyEvent {
  type?: string
  event_id?: unknown
  call_id?: string
  item?: { type?: string; call_id?: string }
}
type Sent = { at_ms: number; direction: 'sent' | 'received'; event: AnyEvent }

const eventsOf = (entries: readonly GroundTruthEntry[]): Sent[] =>
  entries.filter(
    (e): e is Extract<GroundTruthEntry, { kind: 'event' }> => e.kind === 'event'
  ) as Sent[]

/** The server events the simulator sent while a sideband was attached (what a gateway sees). */
export function eventsOnSideband(entries: readonly GroundTruthEntry[]): string[] {
  const ids: string[] = []
  let attached = 0
  for (const entry of entries) {
    if (entry.kind === 'sideband') attached += entry.state === 'attached' ? 1 : -1
    else if (attached > 0 && entry.kind === 'event' && entry.direction === 'sent') {
      const id = (entry.event as AnyEvent).event_id
      if (typeof id === 'string') ids.push(id)
    }
  }
  return ids
}

/** The same events with the simulator's time of sending each (epoch ms). */
export function eventsOnSidebandAt(
  entries: readonly GroundTruthEntry[]
): { id: string; atMs: number }[] {
  const sent: { id: string; atMs: number }[] = []
  let attached = 0
  for (const entry of entries) {
    if (entry.kind === 'sideband') attached += entry.state === 'attached' ? 1 : -1
    else if (attached > 0 && entry.kind === 'event' && entry.direction === 'sent') {
      const id = (entry.event as AnyEvent).event_id
      if (typeof id === 'string') sent.push({ id, atMs: entry.at_ms })
    }
  }
  return sent
}

/**
 * Each function call: from the moment the gateway can answer it (its response done: one answer
 * at a time, as at a desk) to its output received back by the API, ms (the simulator's clock).
 */
export function toolRoundTrips(entries: readonly GroundTruthEntry[]): number[] {
  const events = eventsOf(entries)
  const trips: number[] = []
  events.forEach((asked, i) => {
    if (asked.direction !== 'sent' || asked.event.type !== 'response.function_call_arguments.done')
      return
    const done = events
      .slice(i)
      .find((e) => e.direction === 'sent' && e.event.type === 'response.done')
    const output = events
      .slice(i)
      .find(
        (e) =>
          e.direction === 'received' &&
          e.event.type === 'conversation.item.create' &&
          e.event.item?.type === 'function_call_output' &&
          e.event.item.call_id === asked.event.call_id
      )
    if (done && output) trips.push(output.at_ms - Math.max(asked.at_ms, done.at_ms))
  })
  return trips
}

/**
 * When the simulator sent what let each barge-in be counted: the caller's words
 * (`…input_audio_transcription.completed`) after it; a console counts an interruption once the
 * cut-in speech is over and transcribed (epoch ms, in order).
 */
export function bargeInCountable(entries: readonly GroundTruthEntry[]): number[] {
  const times: number[] = []
  entries.forEach((entry, i) => {
    if (entry.kind !== 'barge_in') return
    const words = entries
      .slice(i)
      .find(
        (e) =>
          e.kind === 'event' &&
          e.direction === 'sent' &&
          (e.event as AnyEvent).type === 'conversation.item.input_audio_transcription.completed'
      )
    if (words) times.push(words.at_ms)
  })
  return times
}
