import type { EscalationAlert, EvidenceItem } from './escalationAlert'
import type { RuleId } from './rules'
import type { EscalationThresholds } from './thresholds'

/** A caller utterance the transcript rules have read. */
export interface ReadUtterance extends EvidenceItem {
  /** null: waiting for main's model reading (a `caller.sentiment` event). */
  negative: boolean | null
  cues: string[]
}

/**
 * Who judges caller sentiment for the rules: the offline lexicon, at once, or a model whose
 * readings main records as `sentiment.read` inputs (fixed per call when it begins).
 */
export type SentimentReader = 'lexicon' | 'model'

export interface MeasuredTurn {
  turnIndex: number
  itemId: string
  t: number
  atEarMs: number
}

export interface ToolTrouble {
  callId: string
  name: string
  t: number
  detail: string | null
}

/** What the rules remember of one call; plain data, so a backtest can keep one per session. */
export interface EscalationState {
  thresholds: EscalationThresholds
  sentimentReader: SentimentReader
  /** Counted interruptions (barge_in.confirmed), in order. */
  interruptions: EvidenceItem[]
  /** The latest utterances read, at most `sentiment.recentUtterances`. */
  recent: ReadUtterance[]
  /** Items whose words were read, so a transcript seen twice is judged once. */
  readItems: Readonly<Record<string, true>>
  turnByItem: Readonly<Record<string, number>>
  /** The latest measured turns, at most `latency.lastTurns`. */
  measured: MeasuredTurn[]
  toolFailures: ToolTrouble[]
  /** Zero-result searches since the last search with results. */
  zeroRun: ToolTrouble[]
  /** Rules with an open alert: de-duplication, one open alert per rule per call. */
  open: Partial<Record<RuleId, true>>
  /** Every alert raised in this call, in order. */
  alerts: EscalationAlert[]
}

export function initialEscalationState(
  thresholds: EscalationThresholds,
  sentimentReader: SentimentReader = 'lexicon'
): EscalationState {
  return {
    thresholds,
    sentimentReader,
    interruptions: [],
    recent: [],
    readItems: {},
    turnByItem: {},
    measured: [],
    toolFailures: [],
    zeroRun: [],
    open: {},
    alerts: []
  }
}
