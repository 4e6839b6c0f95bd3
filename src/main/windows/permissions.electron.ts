import type { Session } from 'electron'

/**
 * The microphone, audio only, for the app's own page; every other permission is refused.
 * Checks receive an origin, and a file:// page's origin is just "file://", so the page is
 * identified by its URL (the requesting frame's, else the window's), never by origin alone.
 */
export function allowMicrophoneOnly(ses: Session, isAppUrl: (url: string) => boolean): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const audioOnly = types.length > 0 && types.every((t) => t === 'audio')
    callback(permission === 'media' && audioOnly && isAppUrl(details.requestingUrl))
  })
  ses.setPermissionCheckHandler(
    (wc, permission, _origin, details) =>
      permission === 'media' && isAppUrl(details.requestingUrl || wc?.getURL() || '')
  )
}
