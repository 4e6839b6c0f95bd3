import type { ServerEventBody } from '../../../shared/realtime/serverEvents'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { newId } from './ids'

/** Where a call's events go: the `oai-events` data channel, or a test's array. */
export interface EventTransport {
  readonly isOpen: boolean
  /** False when the channel closed under it (a hang-up racing a timer): nothing was sent. */
  send(text: string): boolean
  close(): void
}

/** Sends server events with fresh event ids and records each in the ground truth. */
export class EventChannel {
  constructor(
    private readonly callId: string,
    private readonly transport: EventTransport,
    private readonly log: GroundTruthLog
  ) {}

  send(body: ServerEventBody): string {
    const event = { event_id: newId('event'), ...body }
    // Only what left the simulator is ground truth; events after a dropped channel are lost.
    if (this.transport.isOpen && this.transport.send(JSON.stringify(event)))
      this.log.record(this.callId, { kind: 'event', direction: 'sent', event })
    return event.event_id
  }

  close(): void {
    if (this.transport.isOpen) this.transport.close()
  }
}
