import type { CallLeases, LeasableCall } from './CallLeases'
import type { GatewayCalls } from './GatewayCalls'

export interface GatewayDrainOptions {
  calls: GatewayCalls
  leases: CallLeases
  /** Writes waiting in the outbox: a call is not handed over before its record is stored. */
  writesWaiting: () => boolean
  log: (line: string) => void
  /** How long a call handed over may stay untaken before it is carried here again. */
  takeoverWaitMs?: number
  /** How often the instance looks again for another to hand its calls to. */
  recheckMs?: number
  /** A call taken back is not offered again before this long (each handover is a gap). */
  retryAfterMs?: number
}

/** How a stop ended: every call handed over or ended, or the rest let go at the deadline. */
export type DrainOutcome = 'empty' | 'let_go'

/**
 * A rolling restart's stop (docs/gateway.md "Rolling restart"). The instance takes no new call
 * and no orphan, says so on its lease connection, and while another instance is up and not
 * stopping hands each call over (GatewayCalls.handOver: stored, released, not finalized). A call
 * nobody takes within `takeoverWaitMs` (the others full, or gone) is carried here again. With no
 * other instance it keeps serving its calls until they end; at the deadline, or when told to
 * `finish` (a second SIGTERM), what is still carried is let go the same way, without waiting:
 * the next instance to start on the database takes it over (or finalizes it if it ended).
 */
export class GatewayDrain {
  private finishing = false
  private saidAlone = false
  private readonly waking = new Set<() => void>()
  private readonly tried = new Map<string, number>()

  constructor(private readonly options: GatewayDrainOptions) {}

  async run(timeoutMs: number): Promise<DrainOutcome> {
    const { calls, leases, log } = this.options
    calls.drain()
    await leases.markDraining()
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const carried = calls.carried()
      if (carried.length === 0) return 'empty'
      if (this.finishing || Date.now() >= deadline) {
        log(`stopping: letting ${carried.length} call(s) go without waiting for a taker`)
        await Promise.all(carried.map((call) => calls.handOver(call.callId)))
        return 'let_go'
      }
      const due = carried.filter(
        (call) => Date.now() - (this.tried.get(call.callId) ?? -Infinity) >= this.retryAfterMs
      )
      if (due.length > 0 && !this.options.writesWaiting() && (await leases.readyPeers()) > 0)
        await Promise.all(due.map((call) => this.handOver(call)))
      else if (due.length > 0 && !this.saidAlone) {
        this.saidAlone = true
        log(
          `stopping: no other instance to take ${carried.length} call(s); serving them until they end (SIGTERM again to let them go now)`
        )
      }
      await this.pause(Math.min(this.options.recheckMs ?? 1_000, deadline - Date.now()))
    }
  }

  /** A second signal: the calls still carried are let go now. */
  finish(): void {
    this.finishing = true
    for (const wake of this.waking) wake()
  }

  private get retryAfterMs(): number {
    return this.options.retryAfterMs ?? 30_000
  }

  private async handOver(call: LeasableCall): Promise<void> {
    const { calls, leases, log } = this.options
    this.tried.set(call.callId, Date.now())
    await calls.handOver(call.callId)
    const until = Date.now() + (this.options.takeoverWaitMs ?? 5_000)
    while (Date.now() < until && !this.finishing) {
      if ((await leases.takenOrOver(call.sessionId)) === true) {
        log(`call ${call.callId}: taken over by another instance`)
        return
      }
      await this.pause(100)
    }
    if (this.finishing) return
    log(`call ${call.callId}: no instance took it: carried here again`)
    await calls.takeBack(call)
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        this.waking.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, Math.max(0, ms))
      this.waking.add(wake)
    })
  }
}
