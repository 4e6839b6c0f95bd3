/** What the keeper needs of a BrowserWindow (plain, so Node tests can pass a stand-in). */
export interface KeptWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/**
 * The one main window. None opens before start-up has finished (services built, permissions
 * set, IPC registered): a Dock click or second launch during start-up would otherwise open a
 * page whose requests have no handler, and start-up would then open a second one. Afterwards
 * a request for the window brings the open one back (restored if minimised) instead of adding
 * another, and opens a new one only when none is left (macOS keeps running windowless).
 */
export class MainWindowKeeper<W extends KeptWindow> {
  private window: W | null = null
  private started = false

  constructor(private readonly open: () => W) {}

  /** The open window, if any. */
  get current(): W | null {
    return this.window !== null && !this.window.isDestroyed() ? this.window : null
  }

  /** Start-up has finished: the first window opens now. */
  startUpFinished(): W {
    this.started = true
    return this.current ?? (this.window = this.open())
  }

  /** Dock click, second launch, notification click: the window in front, or null during start-up. */
  reveal(): W | null {
    const window = this.current
    if (window === null) return this.started ? (this.window = this.open()) : null
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
    return window
  }
}
