import { Notification } from 'electron'
import type { AlertNotice } from './alertNotifier'

/** How many shown notifications stay referenced (the newest), so their clicks still arrive. */
export const KEPT_NOTIFICATIONS = 20

/**
 * Shows an alert as an OS notification; a click calls `onClick` (bring the console back).
 * Electron holds a shown Notification only weakly: once garbage-collected, its click is lost,
 * so the newest ones are kept until clicked. 'close' does not release one: on Windows it also
 * fires on the toast's timeout while the notice stays clickable in the Action Center.
 */
export function osAlertNotices(
  onClick: () => void,
  log: (message: string, error: unknown) => void = console.error
): (notice: AlertNotice) => void {
  const kept = new Set<Notification>()
  return ({ title, body }) => {
    if (!Notification.isSupported()) return
    const notice = new Notification({ title, body })
    notice.on('click', () => {
      kept.delete(notice)
      onClick()
    })
    notice.on('failed', (_event, error) => {
      kept.delete(notice)
      log('Alert notification failed:', error)
    })
    kept.add(notice)
    for (const oldest of kept) {
      if (kept.size <= KEPT_NOTIFICATIONS) break
      kept.delete(oldest)
    }
    notice.show()
  }
}
