import { describe, expect, it } from 'vitest'
import { WebhookLedger } from '../../../src/main/gateway/WebhookLedger'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

const delivery = (webhookId: string) => ({
  webhookId,
  eventType: 'realtime.call.incoming',
  callId: 'rtc_1'
})

describe.skipIf(skipWithoutPostgres)('WebhookLedger', () => {
  const pg15 = usePostgres()

  it('keeps acting on each id once while the team database is away, and says so', async () => {
    const db = await pg15.open()
    const lines: string[] = []
    const ledger = new WebhookLedger(db.webhookDeliveries, 'gw-a', (line) => lines.push(line))
    expect(await ledger.claim(delivery('wh_before'))).toBe(true)
    pg15.stop()
    try {
      expect(await ledger.claim(delivery('wh_away'))).toBe(true)
      expect(lines).toContainEqual(
        expect.stringContaining(
          "wh_away: the team database cannot be reached; checked against this instance's recent deliveries only"
        )
      )
      // This instance remembers both, with or without the database.
      expect(await ledger.claim(delivery('wh_away'))).toBe(false)
      expect(await ledger.claim(delivery('wh_before'))).toBe(false)
    } finally {
      await pg15.restart()
    }
    // Another instance (a fresh ledger) is told by the database about the id claimed before.
    const other = new WebhookLedger(db.webhookDeliveries, 'gw-b', () => undefined)
    await expect
      .poll(() => other.claim(delivery('wh_before')).catch(() => 'away'), { timeout: 10_000 })
      .toBe(false)
    expect(ledger.replayed).toBe(2)
    expect(other.replayed).toBe(1)
  })

  it('gives an id up for the retry when the event could not be acted on', async () => {
    const db = await pg15.open()
    const ledger = new WebhookLedger(db.webhookDeliveries, 'gw-a', () => undefined)
    expect(await ledger.claim(delivery('wh_1'))).toBe(true)
    await ledger.release('wh_1')
    expect(await ledger.claim(delivery('wh_1'))).toBe(true)
    expect(ledger.replayed).toBe(0)
  })
})
