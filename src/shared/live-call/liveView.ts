import type { CallState } from './callState'
import type { HeardEstimate, UtteranceKind } from './callRecords'
import { heardOf, speechRates } from './heardEstimate'
import { agentAudioPlaying } from './stateUpdates'

/** What the live screen shows at a glance. */
export interface LiveStatus {
  connection: CallState['connection']['status']
  callerSpeaking: boolean
  agentSpeaking: boolean
  /** Caller speech over agent audio not decided yet: the barge-in indicator's provisional state. */
  bargeInPending: boolean
  interruptions: number
  backchannels: number
  echoSuspects: number
}

export function liveStatus(state: CallState): LiveStatus {
  const count = (kind: UtteranceKind): number =>
    state.utterances.filter((u) => u.kind === kind).length
  return {
    connection: state.connection.status,
    callerSpeaking: state.callerSpeakingItemId !== null,
    agentSpeaking: agentAudioPlaying(state) !== null,
    bargeInPending: state.utterances.some((u) => u.kind === null && u.overAgent !== null),
    interruptions: count('barge_in'),
    backchannels: count('backchannel'),
    echoSuspects: count('echo_suspect')
  }
}

export type TranscriptItem =
  | {
      who: 'caller'
      id: string
      t: number
      /** Streaming deltas, then the completed transcript. */
      text: string
      final: boolean
      kind: UtteranceKind | null
    }
  | {
      who: 'agent'
      id: string
      t: number
      /** Everything generated; for a cut answer, heard + unheard. */
      text: string
      /** Set when the answer was cut: show `unheardText` struck through after `heardText`. */
      cut: { by: 'caller' | 'console' | 'server'; heard: HeardEstimate | null } | null
      final: boolean
    }
  | {
      /** A supervisor's instruction to the agent (the caller does not hear it). */
      who: 'supervisor'
      id: string
      t: number
      text: string
      final: true
    }

/**
 * Caller and agent rows, and the supervisor's instructions to the agent, in time order (agent
 * rows without text, e.g. tool calls, are left out).
 */
export function transcriptItems(state: CallState): TranscriptItem[] {
  const rates = speechRates(state.responses, state.config)
  const caller: TranscriptItem[] = state.utterances.map((u) => ({
    who: 'caller',
    id: u.itemId,
    t: u.startT,
    text: u.transcript ?? u.text,
    final: u.transcript !== null,
    kind: u.kind
  }))
  const agent: TranscriptItem[] = state.responses
    .filter((r) => r.text.length > 0)
    .map((r) => ({
      who: 'agent',
      id: r.id,
      t: r.audioStartT ?? r.firstAudibleT ?? r.createdT,
      text: r.text,
      cut: r.cut ? { by: r.cut.by, heard: heardOf(r, rates) } : null,
      final: r.status !== 'in_progress'
    }))
  const supervisor: TranscriptItem[] = state.instructions.map((instruction, index) => ({
    who: 'supervisor',
    id: `instruction-${index}`,
    t: instruction.t,
    text: instruction.text,
    final: true
  }))
  return [...caller, ...agent, ...supervisor].sort((a, b) => a.t - b.t)
}
