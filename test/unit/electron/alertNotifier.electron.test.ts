import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { describe, expect, it, vi } from 'vitest'

// Electron's Notification, held here only weakly (as Electron holds it), so a test can tell
// whether the notifier itself keeps the notices it showed.
const shown: WeakRef<FakeNotification>[] = []
let supported = true
class FakeNotification {
  static isSupported = (): boolean => supported
  readonly listeners = new Map<string, (...args: unknown[]) => void>()
  constructor(readonly options: { title: string; body: string }) {}
  on(name: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(name, listener)
    return this
  }
  show(): void {
    shown.push(new WeakRef(this))
  }
  emit(name: string, ...args: unknown[]): void {
    this.listeners.get(name)?.(...args)
  }
}
vi.mock('electron', () => ({ Notification: FakeNotification }))

const { osAlertNotices, KEPT_NOTIFICATIONS } =
  await import('../../../src/main/escalation/alertNotifier.electron')

const notice = (n: number) => ({
  title: `Call alert ${n}`,
  body: 'Caller asked for a supervisor',
  alertId: n,
  sessionId: `s-${n}`,
  severity: 'warning' as const
})

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
/** A WeakRef keeps its target alive until the current job ends: collect in a later one. */
const collectGarbage = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 0))
  gc()
}

describe('osAlertNotices', () => {
  it('shows the notice, and its click brings the console back', () => {
    shown.length = 0
    const onClick = vi.fn()
    osAlertNotices(onClick)(notice(1))
    const shownNotice = shown[0]!.deref()!
    expect(shownNotice.options).toEqual({
      title: 'Call alert 1',
      body: 'Caller asked for a supervisor'
    })
    shownNotice.emit('click', {})
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('keeps the newest notices referenced, so a click minutes later still arrives', async () => {
    shown.length = 0
    const onClick = vi.fn()
    const show = osAlertNotices(onClick)
    for (let n = 1; n <= KEPT_NOTIFICATIONS + 5; n++) show(notice(n))
    await collectGarbage()
    const newest = shown.slice(-KEPT_NOTIFICATIONS).map((ref) => ref.deref())
    expect(newest.every((kept) => kept !== undefined)).toBe(true)
    newest.at(-1)!.emit('click', {})
    expect(onClick).toHaveBeenCalledTimes(1)
  })

  it('logs a notice the OS failed to show, and shows nothing where notifications are unsupported', () => {
    shown.length = 0
    const log = vi.fn()
    const show = osAlertNotices(vi.fn(), log)
    show(notice(1))
    shown[0]!.deref()!.emit('failed', {}, 'toast activation failed')
    expect(log).toHaveBeenCalledWith('Alert notification failed:', 'toast activation failed')
    supported = false
    try {
      show(notice(2))
      expect(shown).toHaveLength(1)
    } finally {
      supported = true
    }
  })
})
