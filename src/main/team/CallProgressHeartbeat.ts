import type { CallProgressEvent, TeamEvent } from '../../shared/team/teamEvents'
import { DEFAULT_BOARD_TIMING } from '../../shared/team/liveCallsBoard'

/** The call's figures now (the desk's recorder and call reducer know them). */
export type ReadCallProgress = () => Omit<CallProgressEvent, 'type'>

/**
 * A desk's side of the wallboard: while a call runs, its progress is published at once and then
 * every `heartbeatMs` whether it changed or not. That is how a supervisor who opens the board late
 * sees calls already running (within one heartbeat, no presence table), and how a desk that
 * vanished is noticed (its rows stop being refreshed and go stale). Publishing failures are
 * logged, not thrown: the call never waits on the team database.
 */
export class CallProgressHeartbeat {
  private readonly running = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly publish: (event: TeamEvent) => Promise<void>,
    private readonly heartbeatMs = DEFAULT_BOARD_TIMING.heartbeatMs,
    private readonly log: (line: string) => void = console.warn
  ) {}

  /** Starts reporting a call (again: restarts its timer and reports now). */
  begin(sessionId: string, read: ReadCallProgress): void {
    this.stop(sessionId)
    const beat = (): void => this.reportNow(read)
    beat()
    const timer = setInterval(beat, this.heartbeatMs)
    timer.unref()
    this.running.set(sessionId, timer)
  }

  /** Reports a change at once (an alert, a turn) without waiting for the next beat. */
  reportNow(read: ReadCallProgress): void {
    let progress: Omit<CallProgressEvent, 'type'>
    try {
      progress = read()
    } catch (error) {
      this.log(`call progress not read: ${error instanceof Error ? error.message : String(error)}`)
      return
    }
    this.send({ type: 'call.progress', ...progress })
  }

  /** Stops reporting and tells the boards the call ended. */
  end(sessionId: string, seat: string): void {
    this.stop(sessionId)
    this.send({ type: 'call.ended', sessionId, seat })
  }

  /** Stops reporting without a word: the call goes on, reported by another seat now. */
  leave(sessionId: string): void {
    this.stop(sessionId)
  }

  close(): void {
    for (const sessionId of [...this.running.keys()]) this.stop(sessionId)
  }

  private stop(sessionId: string): void {
    clearInterval(this.running.get(sessionId))
    this.running.delete(sessionId)
  }

  private send(event: TeamEvent): void {
    this.publish(event).catch((error: unknown) =>
      this.log(
        `team event ${event.type} not published: ${error instanceof Error ? error.message : String(error)}`
      )
    )
  }
}
