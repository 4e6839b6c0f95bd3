/** Clock and timers a call runs on: real ones in the simulator, virtual ones in unit tests. */
export interface Timers {
  /** Milliseconds on a monotonic clock. */
  now(): number
  /** Runs fn after ms; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void
}

export const realTimers: Timers = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms)
    return () => clearTimeout(timer)
  }
}
