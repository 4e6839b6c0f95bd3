import type { OutboxStatus } from '../../shared/team/outboxStatus'

/** What the watch reads (LiveWrites). */
export interface OutboxReadings {
  readonly backlog: number
  readonly unreachable: boolean
}

/**
 * Tells the screen when the recording outbox changes: the team database going away, events
 * piling up while it is, and the queue draining once it is back. LiveWrites has no events of
 * its own, so its two readings are sampled (cheap getters) and only a change is announced.
 */
export class OutboxStatusWatch {
  private last: OutboxStatus
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly writes: OutboxReadings,
    private readonly onChange: (status: OutboxStatus) => void,
    everyMs = 250
  ) {
    this.last = this.read()
    this.timer = setInterval(() => this.check(), everyMs)
    this.timer.unref()
  }

  status(): OutboxStatus {
    return this.read()
  }

  check(): void {
    const now = this.read()
    if (now.unreachable === this.last.unreachable && now.waiting === this.last.waiting) return
    this.last = now
    this.onChange(now)
  }

  close(): void {
    clearInterval(this.timer)
  }

  private read(): OutboxStatus {
    return { unreachable: this.writes.unreachable, waiting: this.writes.backlog }
  }
}
