import type { TeamChannel } from '../../../src/main/team/TeamChannel'
import type { AlertRaisedEvent } from '../../../src/shared/team/teamEvents'

/**
 * Publishes `count` alerts on desk A, one every `gapMs` (alerts come one by one, not in bursts),
 * and returns, per alert, the ms from the start of A's publish to B's listener receiving it.
 */
export async function measureAlertLatency(
  deskA: TeamChannel,
  deskB: TeamChannel,
  count: number,
  gapMs: number,
  timeoutMs = 10_000
): Promise<number[]> {
  const sentAt = new Map<number, number>()
  const latencies = new Map<number, number>()
  const received = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${count - latencies.size} of ${count} alerts never reached desk B`)),
      timeoutMs + count * gapMs
    )
    const off = deskB.onEvent((event) => {
      if (event.type !== 'alert.raised') return
      const started = sentAt.get(event.alertId)
      if (started === undefined || latencies.has(event.alertId)) return
      latencies.set(event.alertId, performance.now() - started)
      if (latencies.size === count) {
        clearTimeout(timer)
        off()
        resolve()
      }
    })
  })
  for (let alertId = 1; alertId <= count; alertId++) {
    const alert: AlertRaisedEvent = {
      type: 'alert.raised',
      alertId,
      sessionId: `bench-call-${alertId}`,
      seat: 'desk-a',
      rule: 'interruptions_total',
      severity: 'warning',
      raisedAt: new Date().toISOString(),
      summary: 'Caller interrupted 3 times in the call'
    }
    sentAt.set(alertId, performance.now())
    await deskA.publish(alert)
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  await received
  return [...latencies.values()]
}
