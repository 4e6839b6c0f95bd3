import type { ServerEvent } from 'openai/resources/live/live'
import type { EventObserver, EventTransport } from '../call/EventChannel'
import { newId } from '../call/ids'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** A Live server event before its `event_id` (audio deltas carry none, per the SDK). */
export type LiveServerEventBody = DistributiveOmit<ServerEvent, 'event_id'>

const WITHOUT_EVENT_ID = new Set(['session.output_audio.delta', 'session.input_audio.append'])

/**
 * Sends Live server events, typed by the `openai` SDK's `ServerEvent` union, to the caller's
 * connection and every sideband; records what left as ground truth (not audio deltas).
 */
export class LiveEventChannel {
  private readonly observers = new Set<EventObserver>()

  constructor(
    private readonly sessionId: string,
    private readonly transport: EventTransport,
    private readonly log: GroundTruthLog
  ) {}

  observe(observer: EventObserver): () => void {
    this.observers.add(observer)
    return () => void this.observers.delete(observer)
  }

  get hasSidebands(): boolean {
    return this.observers.size > 0
  }

  /** To the caller's connection and every sideband (`primaryOnly`: not the sidebands). */
  send(body: LiveServerEventBody, options: { primaryOnly?: boolean } = {}): void {
    const event = WITHOUT_EVENT_ID.has(body.type) ? body : { event_id: newId('event'), ...body }
    const text = JSON.stringify(event)
    const delivered = this.transport.isOpen && this.transport.send(text)
    if (!options.primaryOnly) for (const observer of this.observers) observer(text)
    if ((delivered || this.observers.size > 0) && !WITHOUT_EVENT_ID.has(body.type))
      this.log.record(this.sessionId, { kind: 'event', direction: 'sent', event })
  }

  /** Only to sidebands: reflected audio (PCM16 24 kHz; output with timeline stamps). */
  reflect(body: LiveServerEventBody): void {
    const text = JSON.stringify(body)
    for (const observer of this.observers) observer(text)
  }

  close(): void {
    if (this.transport.isOpen) this.transport.close()
  }
}
