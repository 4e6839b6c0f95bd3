import type { CallDomainEvent } from '../live-call/domainEvents'
import type { EvidenceItem } from './escalationAlert'
import type { EscalationState, ReadUtterance } from './escalationState'
import { humanRequestPhrase } from './humanRequest'
import { raise } from './raiseAlert'
import { readSentiment } from '../language/sentiment'

type BargeIn = Extract<CallDomainEvent, { type: 'barge_in.confirmed' }>
type SentimentVerdict = Extract<CallDomainEvent, { type: 'caller.sentiment' }>

/** A counted interruption: the two interruption rules, then its words, then sentiment. */
export function onInterruption(s: EscalationState, e: BargeIn): EscalationState {
  const item: EvidenceItem = {
    itemId: e.itemId,
    turnIndex: s.turnByItem[e.itemId] ?? null,
    t: e.startT,
    quote: e.transcript
  }
  let next: EscalationState = { ...s, interruptions: [...s.interruptions, item] }
  next = checkInterruptions(next, e.t)
  // The words come with the verdict when the transcript was in before it.
  if (e.transcript !== null) return onTranscript(next, e.itemId, e.t, e.transcript)
  return checkSentiment(next, e.t)
}

function checkInterruptions(s: EscalationState, t: number): EscalationState {
  const rule = s.thresholds.interruptions
  if (!rule.enabled) return s
  const all = s.interruptions
  let next = s
  if (all.length >= rule.total)
    next = raise(next, 'interruptions_total', t, `${all.length} interruptions in this call`, {
      items: all,
      figures: { interruptions: all.length, threshold: rule.total }
    })
  const burst = all.slice(-rule.burstCount)
  const spanMs = burst.length > 0 ? burst[burst.length - 1]!.t - burst[0]!.t : 0
  if (burst.length >= rule.burstCount && spanMs <= rule.burstWindowSec * 1000)
    next = raise(
      next,
      'interruptions_burst',
      t,
      `${burst.length} interruptions within ${formatSeconds(spanMs)}`,
      {
        items: burst,
        figures: {
          interruptions: burst.length,
          withinSec: spanMs / 1000,
          threshold: rule.burstCount,
          windowSec: rule.burstWindowSec
        }
      }
    )
  return next
}

/** The caller's words (once per utterance): a request for a human, and sentiment. */
export function onTranscript(
  s: EscalationState,
  itemId: string,
  t: number,
  transcript: string
): EscalationState {
  if (s.readItems[itemId] || transcript.trim() === '') return s
  // A model-read call waits for main's verdict instead of the lexicon's.
  const reading = s.sentimentReader === 'lexicon' ? readSentiment(transcript) : null
  const utterance: ReadUtterance = {
    itemId,
    turnIndex: s.turnByItem[itemId] ?? null,
    t,
    quote: transcript,
    negative: reading?.negative ?? null,
    cues: reading?.cues ?? []
  }
  let next: EscalationState = {
    ...s,
    readItems: { ...s.readItems, [itemId]: true },
    recent: [...s.recent, utterance].slice(-s.thresholds.sentiment.recentUtterances)
  }
  const phrase = s.thresholds.humanRequest.enabled ? humanRequestPhrase(transcript) : null
  if (phrase !== null)
    next = raise(next, 'human_request', t, `Caller asks for a human ("${phrase}")`, {
      items: [evidenceOf(utterance)],
      figures: {}
    })
  return checkSentiment(next, t)
}

/** Main's reading of an utterance still among the recent ones (model-read calls only). */
export function onSentimentVerdict(s: EscalationState, e: SentimentVerdict): EscalationState {
  if (s.sentimentReader !== 'model') return s
  const index = s.recent.findIndex((u) => u.itemId === e.itemId)
  if (index < 0 || s.recent[index]!.negative !== null) return s
  const recent = [...s.recent]
  const cue = e.cue.trim()
  recent[index] = { ...recent[index]!, negative: e.negative, cues: e.negative && cue ? [cue] : [] }
  return checkSentiment({ ...s, recent }, e.t)
}

function checkSentiment(s: EscalationState, t: number): EscalationState {
  const rule = s.thresholds.sentiment
  if (!rule.enabled) return s
  const negative = s.recent.filter((u) => u.negative === true)
  if (negative.length < rule.minNegative || s.interruptions.length < rule.minInterruptions) return s
  const cues = [...new Set(negative.flatMap((u) => u.cues))]
  return raise(
    s,
    'negative_sentiment',
    t,
    `Negative caller (${cues.slice(0, 3).join(', ')}) after ${s.interruptions.length} interruption(s)`,
    {
      items: negative.map(evidenceOf),
      figures: {
        negativeUtterances: negative.length,
        recentUtterances: s.recent.length,
        interruptions: s.interruptions.length
      }
    }
  )
}

const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

const evidenceOf = ({ itemId, turnIndex, t, quote }: ReadUtterance): EvidenceItem => ({
  itemId,
  turnIndex,
  t,
  quote
})
