import type { DatabaseSync } from 'node:sqlite'
import type { NewWebhookDelivery, WebhookDeliveriesTable } from '../SessionDatabase'
import type { Synchronous } from './Synchronous'

/** The webhooks a call gateway took on (schema v7), as the PostgreSQL backend keeps them. */
export class SqliteWebhookDeliveriesTable implements Synchronous<WebhookDeliveriesTable> {
  constructor(private readonly db: DatabaseSync) {}

  claim(delivery: NewWebhookDelivery): boolean {
    const { changes } = this.db
      .prepare(
        `INSERT INTO webhook_deliveries (webhook_id, event_type, call_id, instance, received_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING`
      )
      .run(
        delivery.webhookId,
        delivery.eventType,
        delivery.callId,
        delivery.instance,
        delivery.receivedAt
      )
    return Number(changes) === 1
  }

  release(webhookId: string): void {
    this.db.prepare('DELETE FROM webhook_deliveries WHERE webhook_id = ?').run(webhookId)
  }
}
