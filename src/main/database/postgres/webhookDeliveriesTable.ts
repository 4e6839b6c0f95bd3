import type { NewWebhookDelivery, WebhookDeliveriesTable } from './asyncSeam'
import type { Sql } from './sql'

/** The webhooks the call gateways took on (schema v3): one row per `webhook-id`, first come. */
export class PostgresWebhookDeliveriesTable implements WebhookDeliveriesTable {
  constructor(private readonly sql: Sql) {}

  /** One statement: of gateways claiming the same id at once, the primary key lets one in. */
  async claim(delivery: NewWebhookDelivery): Promise<boolean> {
    const inserted = await this.sql.run(
      `INSERT INTO webhook_deliveries (webhook_id, event_type, call_id, instance, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (webhook_id) DO NOTHING`,
      [
        delivery.webhookId,
        delivery.eventType,
        delivery.callId,
        delivery.instance,
        delivery.receivedAt
      ]
    )
    return inserted === 1
  }

  async release(webhookId: string): Promise<void> {
    await this.sql.run('DELETE FROM webhook_deliveries WHERE webhook_id = $1', [webhookId])
  }
}
