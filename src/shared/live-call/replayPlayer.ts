/** Time and timers for a replay, injected so tests can drive them without waiting. */
export interface ReplayScheduler {
  now(): number
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void
}

export const REPLAY_SPEEDS = [1, 2, 4, 8] as const
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number]

export interface ReplayPlayerState {
  atMs: number
  speed: ReplaySpeed
  playing: boolean
}

/** How often the position moves while playing: smooth enough for a cursor, cheap to render. */
export const REPLAY_TICK_MS = 100

/**
 * Play, pause, speed and seek over a call of `durationMs`. The position is computed from the
 * clock (anchor + elapsed × speed), not summed from ticks, so late timers never drift it.
 */
export class ReplayPlayer {
  private current: ReplayPlayerState = { atMs: 0, speed: 1, playing: false }
  private anchor = { wallMs: 0, atMs: 0 }
  private stopTimer: (() => void) | null = null

  constructor(
    readonly durationMs: number,
    private readonly scheduler: ReplayScheduler,
    private readonly onChange: (state: ReplayPlayerState) => void
  ) {}

  get state(): ReplayPlayerState {
    return this.current
  }

  play(): void {
    if (this.current.playing) return
    // Playing from the end starts over, as media players do.
    const from = this.current.atMs >= this.durationMs ? 0 : this.current.atMs
    this.anchor = { wallMs: this.scheduler.now(), atMs: from }
    this.stopTimer = this.scheduler.every(REPLAY_TICK_MS, () => this.tick())
    this.set({ atMs: from, playing: true })
  }

  pause(): void {
    if (!this.current.playing) return
    this.tick()
    this.halt()
  }

  setSpeed(speed: ReplaySpeed): void {
    if (this.current.playing) this.reanchor()
    this.set({ speed })
  }

  seek(atMs: number): void {
    const at = Math.min(Math.max(0, atMs), this.durationMs)
    this.anchor = { wallMs: this.scheduler.now(), atMs: at }
    this.set({ atMs: at })
  }

  dispose(): void {
    this.stopTimer?.()
    this.stopTimer = null
  }

  private tick(): void {
    const elapsed = this.scheduler.now() - this.anchor.wallMs
    const at = Math.min(this.durationMs, this.anchor.atMs + elapsed * this.current.speed)
    this.set({ atMs: at })
    if (at >= this.durationMs) this.halt()
  }

  private reanchor(): void {
    this.tick()
    this.anchor = { wallMs: this.scheduler.now(), atMs: this.current.atMs }
  }

  private halt(): void {
    this.dispose()
    this.set({ playing: false })
  }

  private set(change: Partial<ReplayPlayerState>): void {
    this.current = { ...this.current, ...change }
    this.onChange(this.current)
  }
}
