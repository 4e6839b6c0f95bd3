import type { CallMetricsConfig } from './callConfig'
import type {
  CallEvent,
  CallInput,
  ClientCallEvent,
  KnownCallEvent,
  LocalObservation,
  ServerCallEvent
} from './callEvents'
import { isKnownCallEvent } from './callEvents'
import type { CallState } from './callState'
import { initialCallState } from './callState'
import { applyClientEvent, applyLocalObservation } from './applyClientAndLocal'
import { applyServerEvent } from './applyServerEvent'
import { settle } from './settle'
import { initialLiveAdapter, translateLive, type LiveAdapterInput } from './liveAdapter'
import { isLiveInputEvent, MIC_TYPES } from './liveEvents'

/**
 * The call reducer: pure, `(state, input) => state`, fed in arrival order with server events,
 * the console's own client events and local observations, each stamped with the page clock.
 * Live in the renderer and replayed in backtests, it gives the same state and the same
 * `state.events`. Unknown event types only advance the clock.
 */
export function callReducer(state: CallState, input: CallInput): CallState {
  const { t, event } = input
  const clocked: CallState = {
    ...state,
    startedT: state.startedT ?? t,
    lastT: Math.max(state.lastT ?? t, t)
  }
  const applied =
    clocked.live !== null || LIVE_STARTS.has(event.type)
      ? applyLive(clocked, t, event)
      : isKnownCallEvent(event)
        ? apply(clocked, t, event)
        : clocked
  return settle(applied, t)
}

/**
 * A GPT-Live call: its events go through the adapter, which hands the reducer the
 * Realtime-shaped events they stand for; the page's observations and errors apply as they are.
 */
function applyLive(s: CallState, t: number, event: CallEvent): CallState {
  const adapted = isLiveAdapterInput(event)
    ? translateLive(s.live ?? initialLiveAdapter(), t, event)
    : null
  let next: CallState = adapted ? { ...s, live: adapted.state } : s
  for (const translated of adapted?.events ?? []) next = apply(next, translated.t, translated.event)
  const passes = (LOCAL_TYPES.has(event.type) || event.type === 'error') && isKnownCallEvent(event)
  return passes ? apply(next, t, event) : next
}

function isLiveAdapterInput(event: CallEvent): event is LiveAdapterInput {
  return isLiveInputEvent(event) || MIC_TYPES.has(event.type) || ADAPTER_LOCAL.has(event.type)
}
/** What makes a call a GPT-Live one: its start, or a gateway's sideband joining it. */
const LIVE_STARTS: ReadonlySet<string> = new Set(['session.started', 'sideband.joined'])
const ADAPTER_LOCAL: ReadonlySet<string> = new Set([
  'sideband.joined',
  'remote_audio.audible',
  'remote_audio.silent',
  'clock.tick',
  'call.ended'
])

function apply(s: CallState, t: number, event: KnownCallEvent): CallState {
  if (isLocal(event)) return applyLocalObservation(s, t, event)
  if (isServer(event)) return applyServerEvent(s, t, event)
  return applyClientEvent(s, t, event)
}

/** The page's own observations (not protocol events); recording stores them as 'local'. */
export const LOCAL_TYPES: ReadonlySet<string> = new Set<LocalObservation['type']>([
  'remote_audio.audible',
  'remote_audio.silent',
  'tool.result',
  'connection.state',
  'clock.tick',
  'call.ended',
  'sentiment.read',
  'supervisor.command',
  'gateway.reattached',
  'sideband.joined',
  'gateway.handed_over',
  'mic.speech_started',
  'mic.speech_stopped'
])
const CLIENT_TYPES: ReadonlySet<string> = new Set<ClientCallEvent['type']>([
  'response.cancel',
  'output_audio_buffer.clear',
  'conversation.item.create',
  'response.create'
])

function isLocal(event: KnownCallEvent): event is LocalObservation {
  return LOCAL_TYPES.has(event.type)
}
function isServer(event: KnownCallEvent): event is ServerCallEvent {
  return !LOCAL_TYPES.has(event.type) && !CLIENT_TYPES.has(event.type)
}

/** Replays recorded inputs from a fresh state (backtests, tests, session recovery). */
export function replayCall(
  inputs: Iterable<CallInput>,
  config?: CallMetricsConfig,
  from: CallState = initialCallState(config)
): CallState {
  let state = from
  for (const input of inputs) state = callReducer(state, input)
  return state
}
