import type { ServerEventBody } from '../../../shared/realtime/serverEvents'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { newId } from './ids'

/** Where a call's events go: the `oai-events` data channel, a WebSocket, or a test's array. */
export interface EventTransport {
  readonly isOpen: boolean
  /** False when the channel closed under it (a hang-up racing a timer): nothing was sent. */
  send(text: string): boolean
  close(): void
}

/** Another receiver of every event the call sends from now on (a sideband WebSocket). */
export type EventObserver = (text: string) => void

/** Sends server events with fresh event ids and records each in the ground truth. */
export class EventChannel {
  private readonly observers = new Set<EventObserver>()

  constructor(
    private readonly callId: string,
    private readonly transport: EventTransport,
    private readonly log: GroundTruthLog
  ) {}

  /** Adds a receiver; the returned function removes it. */
  observe(observer: EventObserver): () => void {
    this.observers.add(observer)
    return () => void this.observers.delete(observer)
  }

  send(body: ServerEventBody): string {
    const event = { event_id: newId('event'), ...body }
    const text = JSON.stringify(event)
    const delivered = this.transport.isOpen && this.transport.send(text)
    for (const observer of this.observers) observer(text)
    // Only what left the simulator is ground truth; events after a dropped channel are lost.
    if (delivered || this.observers.size > 0)
      this.log.record(this.callId, { kind: 'event', direction: 'sent', event })
    return event.event_id
  }

  close(): void {
    if (this.transport.isOpen) this.transport.close()
  }
}
