import { FRAME_MS, FRAME_SAMPLES } from '../audio/agentVoice'

const MAX_CATCH_UP_FRAMES = 10

/**
 * Pushes one 10 ms frame per 10 ms of wall time. Timers on a busy VM fire late, so each tick
 * sends every frame that is due (at most 100 ms worth) instead of assuming a steady interval.
 */
export class FramePacer {
  private readonly timer: ReturnType<typeof setInterval>
  private readonly silence = new Int16Array(FRAME_SAMPLES)
  private readonly startedAt = performance.now()
  private framesSent = 0

  constructor(pull: () => Int16Array | null, push: (frame: Int16Array) => void) {
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - this.startedAt) / FRAME_MS)
      if (due - this.framesSent > MAX_CATCH_UP_FRAMES) this.framesSent = due - MAX_CATCH_UP_FRAMES
      while (this.framesSent < due) {
        push(pull() ?? this.silence)
        this.framesSent++
      }
    }, FRAME_MS / 2)
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
