import type { StoredAlert } from '../../shared/escalation/alertRecords'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import type { CallInput } from '../../shared/live-call/callEvents'
import type { AlertStore } from '../escalation/AlertStore'
import { LiveAlertMonitor, type ModelSentiment } from '../escalation/LiveAlertMonitor'

export interface LiveCallPipelineDeps {
  /** Stores a batch of a running call's inputs; throws when the call is not being recorded. */
  recorder: { append(sessionId: string, inputs: readonly CallInput[]): Promise<number> }
  /** Where raised alerts are stored. */
  alerts: AlertStore
  /** The escalation thresholds (Settings), read when a call's first inputs arrive. */
  thresholds: () => EscalationThresholds
  /** How a call's caller sentiment is read (the labelling model, or the lexicon). */
  sentiment: Pick<ModelSentiment, 'readerOf' | 'model'>
  /** Tells the console windows (`alerts.raised`: the banner, the cue, Monitor). */
  emit: (alert: StoredAlert) => void
  /** An OS notification when nobody is looking at the console (absent: none). */
  notify?: (alert: StoredAlert) => void
  /** A rule step or an announcement that failed after the inputs were stored. */
  onError?: (error: unknown, step: 'rules' | 'emit' | 'notify') => void
}

/**
 * What happens to a live call's inputs in main, in this order: they are recorded (so a closed
 * window or a crash loses nothing stored), then the escalation rules run on them and store what
 * they raise, then each new alert is announced once, to the windows and as an OS notification.
 * The recording comes first and stands on its own: a failing rule step or announcement is
 * reported, never thrown back at the call that is being recorded. The caller sentiment the
 * labelling model reads in the background takes the same path, as a `sentiment.read` input.
 */
export class LiveCallPipeline {
  private readonly rules: LiveAlertMonitor

  constructor(private readonly deps: LiveCallPipelineDeps) {
    this.rules = new LiveAlertMonitor(deps.alerts, deps.thresholds, {
      ...deps.sentiment,
      verdict: async (sessionId, input) => void (await this.ingest(sessionId, [input]))
    })
  }

  /**
   * Records a batch of a call's inputs, rules on them and announces the alerts they raise.
   * Resolves to how many inputs were stored; rejects only when they could not be stored.
   */
  async ingest(sessionId: string, inputs: readonly CallInput[]): Promise<number> {
    const stored = await this.deps.recorder.append(sessionId, inputs)
    let raised: StoredAlert[] = []
    try {
      raised = await this.rules.ingest(sessionId, inputs)
    } catch (error) {
      this.report(error, 'rules')
    }
    for (const alert of raised) this.announce(alert)
    return stored
  }

  /** A call taken over from another holder: its rules go on from its recorded inputs. */
  resume(sessionId: string, inputs: readonly CallInput[]): void {
    this.rules.resume(sessionId, inputs)
  }

  /** The call hung up (or was recovered): its rule state goes, and late verdicts with it. */
  end(sessionId: string): void {
    this.rules.end(sessionId)
  }

  /** Resolves once every background sentiment reading asked for has been answered. */
  idle(): Promise<void> {
    return this.rules.idle()
  }

  /**
   * Announces an alert stored after the fact: raised while the team database was away, queued,
   * and stored (and numbered) once it came back.
   */
  announce(alert: StoredAlert): void {
    try {
      this.deps.emit(alert)
    } catch (error) {
      this.report(error, 'emit')
    }
    try {
      this.deps.notify?.(alert)
    } catch (error) {
      this.report(error, 'notify')
    }
  }

  private report(error: unknown, step: 'rules' | 'emit' | 'notify'): void {
    try {
      this.deps.onError?.(error, step)
    } catch {
      // A broken error sink must not fail the recording either.
    }
  }
}
