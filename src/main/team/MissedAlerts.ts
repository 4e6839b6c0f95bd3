import type { StoredAlert } from '../../shared/escalation/alertRecords'

/** At most this many alerts are announced after one reconnect; the Alerts list has the rest. */
export const CATCH_UP_MAX = 20

/** How many announced ids are remembered to tell a NOTIFY from a catch-up of the same alert. */
const REMEMBERED = 500

/**
 * NOTIFY keeps nothing for a desk whose channel was away, so an alert another desk stored
 * meanwhile would never be announced here. This keeps the newest alert id known while
 * connected; once back, the alerts stored after it (another desk's) are announced, each once,
 * whether its NOTIFY also arrives (stored just before LISTEN, notified just after) or not.
 */
export class MissedAlerts {
  /** Newest alert id known while connected; null until the first connection read it. */
  private highWater: number | null = null
  private readonly announced = new Set<number>()

  constructor(
    /** Newest first, any status, at most `limit` (the team database's alerts). */
    private readonly recent: (limit: number) => Promise<StoredAlert[]>
  ) {}

  /** First connection: nothing was missed yet, only where to start from is read. */
  async start(): Promise<void> {
    const [newest] = await this.recent(1)
    this.note(newest?.alertId ?? 0)
  }

  /** An alert id this desk now knows of (heard, raised here, or caught up). */
  note(alertId: number): void {
    if (this.highWater === null || alertId > this.highWater) this.highWater = alertId
  }

  /** True the first time an alert is to be announced; false for the same alert again. */
  claim(alertId: number): boolean {
    this.note(alertId)
    if (this.announced.has(alertId)) return false
    this.announced.add(alertId)
    if (this.announced.size > REMEMBERED) {
      const oldest = this.announced.values().next().value
      if (oldest !== undefined) this.announced.delete(oldest)
    }
    return true
  }

  /**
   * Back after a drop: other seats' alerts stored after the high-water mark, oldest first and
   * not yet announced (claimed here). Before any first read there is no mark: none, and the
   * mark is read now.
   */
  async since(ownSeat: string): Promise<(StoredAlert & { seat: string })[]> {
    const mark = this.highWater
    if (mark === null) {
      await this.start()
      return []
    }
    const newer = (await this.recent(CATCH_UP_MAX)).filter((alert) => alert.alertId > mark)
    for (const alert of newer) this.note(alert.alertId)
    return newer
      .filter(
        (alert): alert is StoredAlert & { seat: string } =>
          alert.seat !== null && alert.seat !== ownSeat
      )
      .reverse()
      .filter((alert) => this.claim(alert.alertId))
  }
}
