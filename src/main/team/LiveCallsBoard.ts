import type { BoardSnapshot, TeamChannelState } from '../../shared/team/boardSnapshot'
import {
  DEFAULT_BOARD_TIMING,
  applyTeamEvent,
  boardRows,
  emptyBoard,
  pruneBoard,
  type BoardState,
  type BoardTiming
} from '../../shared/team/liveCallsBoard'
import type { TeamEvent } from '../../shared/team/teamEvents'

/** What the board needs of the team channel (TeamChannel provides it). */
export interface TeamEventFeed {
  readonly state: TeamChannelState
  onEvent(listener: (event: TeamEvent) => void): () => void
  onState(listener: (state: TeamChannelState) => void): () => void
}

/**
 * The Live calls wallboard in main: the pure board fed by the team channel's events, re-checked
 * once a second so rows go stale (and later off) when their desk stops reporting. Listeners get
 * a snapshot on every change: an event, a row turning stale or dropped, the channel's state.
 */
export class LiveCallsBoard {
  private board: BoardState = emptyBoard()
  private readonly listeners = new Set<(snapshot: BoardSnapshot) => void>()
  private readonly unsubscribe: (() => void)[]
  private readonly ticker: NodeJS.Timeout
  private staleKey = ''

  constructor(
    private readonly feed: TeamEventFeed,
    private readonly now: () => number = Date.now,
    private readonly timing: BoardTiming = DEFAULT_BOARD_TIMING,
    tickMs = 1_000
  ) {
    this.unsubscribe = [
      feed.onEvent((event) => {
        this.board = applyTeamEvent(this.board, event, this.now())
        this.changed()
      }),
      feed.onState(() => this.changed())
    ]
    this.ticker = setInterval(() => this.tick(), tickMs)
    this.ticker.unref()
  }

  snapshot(): BoardSnapshot {
    const nowMs = this.now()
    return {
      takenAt: new Date(nowMs).toISOString(),
      channel: this.feed.state,
      staleAfterMs: this.timing.staleAfterMs,
      calls: boardRows(this.board, nowMs, this.timing)
    }
  }

  onChange(listener: (snapshot: BoardSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Drops silent calls and announces rows that turned stale; durations the screen counts itself. */
  tick(): void {
    const before = this.board
    this.board = pruneBoard(this.board, this.now(), this.timing)
    const staleKey = this.snapshot()
      .calls.filter((row) => row.stale)
      .map((row) => row.sessionId)
      .join('\n')
    if (before !== this.board || staleKey !== this.staleKey) this.changed()
  }

  close(): void {
    clearInterval(this.ticker)
    for (const off of this.unsubscribe) off()
    this.listeners.clear()
  }

  private changed(): void {
    const snapshot = this.snapshot()
    this.staleKey = snapshot.calls
      .filter((row) => row.stale)
      .map((row) => row.sessionId)
      .join('\n')
    for (const listener of this.listeners) listener(snapshot)
  }
}
