import type { WebhookDeliveriesTable } from '../database/SessionDatabase'
import { isConnectionLost } from '../database/postgres/isConnectionLost'

/** How many recent webhook ids an instance keeps in memory (a safety net for database outages). */
const REMEMBERED = 10_000

export interface WebhookToClaim {
  webhookId: string
  eventType: string
  callId: string | null
}

/**
 * Which webhook deliveries this gateway acts on: each `webhook-id` once, across every instance
 * behind the same address (the team database's `webhook_deliveries` decides), and once per
 * instance even while that database cannot be reached (recent ids are kept in memory too).
 */
export class WebhookLedger {
  private readonly recent = new Set<string>()
  private replays = 0

  constructor(
    private readonly deliveries: WebhookDeliveriesTable,
    private readonly instance: string,
    private readonly log: (line: string) => void
  ) {}

  /** Deliveries not acted on because their id was handled already. */
  get replayed(): number {
    return this.replays
  }

  /** True when this delivery is the first with its id: act on it. */
  async claim(delivery: WebhookToClaim): Promise<boolean> {
    if (this.recent.has(delivery.webhookId)) return this.replay(delivery)
    this.remember(delivery.webhookId)
    try {
      const first = await this.deliveries.claim({
        ...delivery,
        instance: this.instance,
        receivedAt: new Date().toISOString()
      })
      return first || this.replay(delivery)
    } catch (error) {
      if (isConnectionLost(error)) {
        this.log(
          `webhook ${delivery.webhookId}: the team database cannot be reached; checked against this instance's recent deliveries only`
        )
        return true
      }
      this.recent.delete(delivery.webhookId)
      throw error
    }
  }

  /** The delivery could not be acted on: its id is given up, so the platform's retry is taken. */
  async release(webhookId: string): Promise<void> {
    this.recent.delete(webhookId)
    try {
      await this.deliveries.release(webhookId)
    } catch (error) {
      this.log(`webhook ${webhookId}: could not be given up for a retry (${String(error)})`)
    }
  }

  private replay(delivery: WebhookToClaim): false {
    this.replays++
    this.log(`webhook ${delivery.webhookId} (${delivery.eventType}) was handled already: ignored`)
    return false
  }

  private remember(webhookId: string): void {
    this.recent.add(webhookId)
    // A Set iterates oldest first: the oldest id goes once the memory is full.
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.values().next().value!)
  }
}
