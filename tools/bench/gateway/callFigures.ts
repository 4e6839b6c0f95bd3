import type { GroundTruthEntry } from '../../../src/main/realtime-sim/groundTruth/GroundTruthLog'

interface AnyEvent {
  type?: string
  event_id?: unknown
  call_id?: string
  name?: string
  item?: { type?: string; call_id?: string; output?: string }
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

/** A recorded event of the gateway's: its own clock (ms), as stored in `events`. */
export interface GatewayRecord {
  at_ms: number
  direction: string
  type: string
  payload: string
}

/** One function call's round trip and where its time went (ms). */
export interface ToolTrip {
  /** The tool the agent called. */
  tool: string
  /** The output the gateway sent was a tool error (`ok: false`): a miss answers fast too. */
  failed: boolean
  /** The simulator's clock: the function call sent (arguments done) → its output received. */
  total: number
  /** The simulator's send → the gateway's receive (the two processes' epoch clocks). */
  toGateway: number | null
  /** The gateway's receive → its output sent (its own clock). */
  inGateway: number | null
  /** The catalog search within it (tool.result ms). */
  search: number | null
  /** The gateway's send → the simulator's receive. */
  back: number | null
  /**
   * The output left before the gateway had received its answer's `response.done` (the gateway
   * answers on the arguments): timing from that done would measure from an earlier answer's.
   */
  beforeItsDone: boolean | null
}

/**
 * Each function call's round trip, on the simulator's clock from the moment it sent the call
 * (`response.function_call_arguments.done`: the gateway runs the tool on it and sends the output
 * at once, without waiting for the answer's end) to the moment it received the output. Split
 * with the gateway's records: `gatewayEpoch` turns its clock into epoch ms (its call row's
 * started_at_ms minus its first recorded input's at_ms: both taken as the call began).
 */
export function toolTrips(
  entries: readonly GroundTruthEntry[],
  recorded: readonly GatewayRecord[],
  gatewayEpoch: number | null
): ToolTrip[] {
  const events = eventsOf(entries)
  const trips: ToolTrip[] = []
  const parsed = recorded.map((r) => ({
    ...r,
    event: JSON.parse(r.payload) as AnyEvent & { ms?: number }
  }))
  const at = (r: { at_ms: number } | undefined): number | null =>
    r && gatewayEpoch !== null ? r.at_ms + gatewayEpoch : null
  const span = (from: number | null, to: number | null): number | null =>
    from !== null && to !== null ? to - from : null
  events.forEach((asked, i) => {
    if (asked.direction !== 'sent' || asked.event.type !== 'response.function_call_arguments.done')
      return
    const callId = asked.event.call_id
    const output = events
      .slice(i)
      .find(
        (e) =>
          e.direction === 'received' &&
          e.event.type === 'conversation.item.create' &&
          e.event.item?.type === 'function_call_output' &&
          e.event.item.call_id === callId
      )
    if (!output) return
    const received = parsed.find(
      (r) => r.direction === 'server' && r.event.event_id === asked.event.event_id
    )
    const ran = parsed.find((r) => r.type === 'tool.result' && r.event.call_id === callId)
    const sent = parsed.find(
      (r) =>
        r.direction === 'client' &&
        r.event.type === 'conversation.item.create' &&
        r.event.item?.type === 'function_call_output' &&
        r.event.item.call_id === callId
    )
    const receivedAt = received ? parsed.indexOf(received) : -1
    const sentAt = sent ? parsed.indexOf(sent) : -1
    const doneAt = parsed.findIndex((r, k) => k > receivedAt && r.type === 'response.done')
    trips.push({
      tool: asked.event.name ?? '?',
      failed: /^\{"ok":false/.test(output.event.item?.output ?? ''),
      total: output.at_ms - asked.at_ms,
      toGateway: span(asked.at_ms, at(received)),
      inGateway: received && sent ? sent.at_ms - received.at_ms : null,
      search: typeof ran?.event.ms === 'number' ? ran.event.ms : null,
      back: span(at(sent), output.at_ms),
      beforeItsDone: receivedAt < 0 || sentAt < 0 ? null : doneAt < 0 || sentAt < doneAt
    })
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

/**
 * How late the simulator started each answer against its scenario's delay (ms): its own event
 * loop's lateness, which every time it stamps (a tool output's arrival included) carries too.
 */
export function simulatorLateness(entries: readonly GroundTruthEntry[]): number[] {
  return entries
    .filter(
      (e): e is Extract<GroundTruthEntry, { kind: 'response_delay' }> => e.kind === 'response_delay'
    )
    .map((e) => e.actual_delay_ms - e.scripted_delay_ms)
}
