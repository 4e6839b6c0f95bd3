import type { StoredAlert } from '../../shared/escalation/alertRecords'
import {
  initialEscalationState,
  type EscalationState,
  type SentimentReader
} from '../../shared/escalation/escalationState'
import { stepEscalationAll } from '../../shared/escalation/escalationEngine'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import type { CallInput } from '../../shared/live-call/callEvents'
import { callReducer } from '../../shared/live-call/callReducer'
import { initialCallState, type CallState } from '../../shared/live-call/callState'
import { newEvents } from '../../shared/live-call/domainEvents'
import type { StructuredModel } from '../classify/StructuredModel'
import type { AlertStore } from './AlertStore'
import { readUtteranceSentiment } from './readUtteranceSentiment'

interface Watched {
  call: CallState
  rules: EscalationState
  /** Utterances whose sentiment reading was asked for (model-read calls). */
  asked: Set<string>
}

/** How a model-read call gets its sentiment verdicts: asked in main, recorded, then ruled on. */
export interface ModelSentiment {
  /** The call's reader, fixed when it began (calls.sentiment_reader). */
  readerOf(sessionId: string): SentimentReader
  /** The labelling model now; null: the lexicon gives the verdicts. */
  model(): StructuredModel | null
  /**
   * Takes a verdict (a `sentiment.read` input) down the call's path: recorded, so replays and
   * backtests see it too, fed back to `ingest`, its alerts announced. Rejects when the call's
   * recording has closed.
   */
  verdict(sessionId: string, input: CallInput): Promise<void>
}

/**
 * The rules on running calls, in main (the middle step of LiveCallPipeline): fed the inputs
 * once they are recorded (so an alert is stored even if the window dies), through the same
 * reducer and engine as backtests. The thresholds are read when a call's first inputs arrive
 * and kept for the whole call. On a model-read call, each caller utterance is read by the model
 * in the background; its verdict goes down the same path as a `sentiment.read` input
 * (ModelSentiment.verdict).
 */
export class LiveAlertMonitor {
  private readonly calls = new Map<string, Watched>()
  private readonly readings = new Set<Promise<void>>()

  constructor(
    private readonly alerts: AlertStore,
    private readonly thresholds: () => EscalationThresholds,
    private readonly sentiment?: ModelSentiment
  ) {}

  /**
   * Feeds a batch of a call's inputs; resolves to the alerts it raised, once each is stored (or
   * queued behind an import's lock, its id kept). The rules step synchronously and every
   * alert's write starts in the order raised, so batches fed one after another store theirs in
   * that order too.
   */
  async ingest(sessionId: string, inputs: readonly CallInput[]): Promise<StoredAlert[]> {
    let watched = this.calls.get(sessionId) ?? {
      call: initialCallState(),
      rules: initialEscalationState(
        this.thresholds(),
        this.sentiment?.readerOf(sessionId) ?? 'lexicon'
      ),
      asked: new Set<string>()
    }
    const stored: Promise<StoredAlert | null>[] = []
    for (const input of inputs) {
      const call = callReducer(watched.call, input)
      const step = stepEscalationAll(watched.rules, newEvents(watched.call, call))
      // Stored, or queued behind an import's lock: announced once written either way.
      for (const alert of step.raised) stored.push(this.alerts.raise(sessionId, alert))
      watched = { ...watched, call, rules: step.state }
    }
    this.calls.set(sessionId, watched)
    this.askForReadings(sessionId, watched)
    // Null: queued while the team database is away, announced once it is stored.
    return (await Promise.all(stored)).filter((alert) => alert !== null)
  }

  /**
   * A call recorded elsewhere until now (a gateway instance taking over another's call): its
   * rule state is rebuilt from its recorded inputs; what they raised was raised then (stored by
   * the first holder), so nothing is raised again, and no utterance is read twice.
   */
  resume(sessionId: string, inputs: readonly CallInput[]): void {
    let watched: Watched = {
      call: initialCallState(),
      rules: initialEscalationState(
        this.thresholds(),
        this.sentiment?.readerOf(sessionId) ?? 'lexicon'
      ),
      asked: new Set<string>()
    }
    for (const input of inputs) {
      const call = callReducer(watched.call, input)
      watched = {
        ...watched,
        call,
        rules: stepEscalationAll(watched.rules, newEvents(watched.call, call)).state
      }
    }
    for (const { itemId } of watched.rules.recent) if (itemId !== null) watched.asked.add(itemId)
    this.calls.set(sessionId, watched)
  }

  /** Hang-up (or a recovered crash): the call's state is dropped, late verdicts with it. */
  end(sessionId: string): void {
    this.calls.delete(sessionId)
  }

  /** Resolves when every reading asked for so far has been answered (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.readings.size > 0) await Promise.all([...this.readings])
  }

  private askForReadings(sessionId: string, watched: Watched): void {
    const sentiment = this.sentiment
    if (!sentiment || watched.rules.sentimentReader !== 'model') return
    const { recent } = watched.rules
    recent.forEach(({ itemId, quote, negative, t }, i) => {
      if (negative !== null || itemId === null || quote === null || watched.asked.has(itemId))
        return
      watched.asked.add(itemId)
      const earlier = recent.slice(0, i).flatMap((u) => (u.quote === null ? [] : [u.quote]))
      const utterance = { itemId, quote, t }
      const reading = this.read(sentiment, sessionId, utterance, earlier).finally(() =>
        this.readings.delete(reading)
      )
      this.readings.add(reading)
    })
  }

  private async read(
    sentiment: ModelSentiment,
    sessionId: string,
    utterance: { itemId: string; quote: string; t: number },
    earlier: readonly string[]
  ): Promise<void> {
    const verdict = await readUtteranceSentiment(sentiment.model(), earlier, utterance.quote)
    const watched = this.calls.get(sessionId)
    if (!watched) return
    const input: CallInput = {
      // The page clock has moved on by about the reading's time; the call's latest stamp is
      // the closest time main knows on that clock.
      t: Math.max(watched.call.lastT ?? utterance.t, utterance.t),
      event: { type: 'sentiment.read', item_id: utterance.itemId, ...verdict }
    }
    try {
      await sentiment.verdict(sessionId, input)
    } catch {
      // The recording closed meanwhile (hang-up): the verdict has no call left to judge.
    }
  }
}
