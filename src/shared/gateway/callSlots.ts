/**
 * How many calls a gateway instance carries at once: a slot is taken before a call is accepted
 * (so two webhooks arriving together cannot both take the last one) and given back when the call
 * ends or could not be accepted. A call refused for want of a slot is counted.
 */
export class CallSlots {
  private taken = 0
  private refused = 0

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error('max must be a positive integer')
  }

  get inProgress(): number {
    return this.taken
  }

  get rejectedOverCapacity(): number {
    return this.refused
  }

  /** A slot for a new call, or false (counted) when every slot is taken. */
  take(): boolean {
    if (this.taken >= this.max) {
      this.refused++
      return false
    }
    this.taken++
    return true
  }

  release(): void {
    if (this.taken === 0) throw new Error('no call slot is taken')
    this.taken--
  }
}
