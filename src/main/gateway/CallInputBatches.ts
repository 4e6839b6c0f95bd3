import type { CallInput } from '../../shared/live-call/callEvents'
import { recordAtOnce } from '../../shared/live-call/recordAtOnce'

/** What a batch goes to (the live call pipeline: recorded and ruled on). */
export type StoreInputs = (sessionId: string, inputs: readonly CallInput[]) => Promise<void>
/** Who hears of inputs as they leave, once each, before they are stored (the wallboard). */
export type AnnounceInputs = (sessionId: string, inputs: readonly CallInput[]) => void

const FLUSH_MS = 250
const MAX_BATCH = 500
/** Hang-up: a batch that still cannot be stored after this many tries is given up (logged). */
const FINAL_TRIES = 5
const RETRY_MS = 500

/**
 * A gateway call's inputs on their way to the recording, as a desk's uploader sends them: in
 * order, a batch every 250 ms, and at once for the inputs that can complete a rule's evidence.
 * Inputs arriving before the call's session id is known wait for it. A batch that fails stays
 * first in line for the next flush; LiveWrites already queues through a database outage, so a
 * failure here is the recording refusing the call, not the network.
 */
export class CallInputBatches {
  private queue: CallInput[] = []
  private chain: Promise<void> = Promise.resolve()
  private readonly timer: NodeJS.Timeout
  private failing = false
  /** How many inputs at the front of the queue were announced (a failed batch's, kept). */
  private announced = 0
  private flushSoon: NodeJS.Immediate | undefined

  constructor(
    private readonly sessionId: Promise<string>,
    private readonly store: StoreInputs,
    private readonly log: (line: string) => void,
    /**
     * Told first, without waiting for the write: the wallboard's counts need no storage, and a
     * write queued behind other calls' must not hold them back. A retried batch is not told again.
     */
    private readonly announce: AnnounceInputs = () => undefined
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS)
    this.timer.unref()
  }

  add(input: CallInput): void {
    this.queue.push(input)
    // Once the messages already received are handled: a tool's answer waiting on one of them
    // (a caller in silence) goes out before this call's, or another call's, recording work.
    if (recordAtOnce(input.event.type) && !this.flushSoon)
      this.flushSoon = setImmediate(() => {
        this.flushSoon = undefined
        void this.flush()
      })
  }

  /** Resolves once what was queued so far is stored (or failed and kept). */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.sendAll())
    return this.chain
  }

  /**
   * The call is over: what is queued is stored, a few tries given; returns inputs given up.
   * `drop`: another instance records the call now, so what is queued here is dropped.
   */
  async close(drop = false): Promise<number> {
    clearInterval(this.timer)
    clearImmediate(this.flushSoon)
    this.flushSoon = undefined
    if (drop) this.queue = []
    for (let tries = 0; tries < FINAL_TRIES && this.queue.length > 0; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
      await this.flush()
    }
    const lost = this.queue.length
    this.queue = []
    this.announced = 0
    return lost
  }

  private async sendAll(): Promise<void> {
    let sessionId: string
    try {
      sessionId = await this.sessionId
    } catch {
      // The call could not be recorded at all (said where it began): nothing to send to.
      this.queue = []
      return
    }
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, MAX_BATCH)
      if (this.announced < batch.length) {
        this.announce(sessionId, batch.slice(this.announced))
        this.announced = batch.length
      }
      try {
        await this.store(sessionId, batch)
      } catch (error) {
        if (!this.failing) this.log(`call ${sessionId}: inputs not stored yet (${String(error)})`)
        this.failing = true
        return
      }
      this.failing = false
      this.queue = this.queue.slice(batch.length)
      this.announced = 0
    }
  }
}
