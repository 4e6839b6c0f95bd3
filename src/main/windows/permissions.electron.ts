import type { Session, WebContents } from 'electron'

/** navigator.clipboard.writeText asks for this one (Chromium sanitizes what is written). */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write'

/** The operating system's own consent to the microphone (macOS), asked when a call opens it. */
export type OsMicrophoneConsent = (contents: WebContents) => Promise<boolean>

/**
 * The app's own page may use the microphone (audio only) and write text to the clipboard (the
 * handoff note's Copy); every other permission, and every other page, is refused. Electron
 * consults both handlers (a check first, then a request), so both say the same.
 * Checks receive an origin, and a file:// page's origin is just "file://", so the page is
 * identified by its URL (the requesting frame's, else the window's), never by origin alone.
 * Where the OS has its own consent, a microphone request also waits for it.
 */
export function allowAppPermissions(
  ses: Session,
  isAppUrl: (url: string) => boolean,
  osConsent?: OsMicrophoneConsent,
  log: (message: string, error: unknown) => void = console.error
): void {
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    if (!isAppUrl(details.requestingUrl)) return callback(false)
    if (permission === CLIPBOARD_WRITE) return callback(true)
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const audioOnly = types.length > 0 && types.every((t) => t === 'audio')
    if (permission !== 'media' || !audioOnly) return callback(false)
    if (!osConsent) return callback(true)
    osConsent(contents).then(callback, (error: unknown) => {
      log('Asking the OS for the microphone failed:', error)
      callback(false)
    })
  })
  // A media check names its kind (enumerateDevices checks the camera too): audio only here.
  ses.setPermissionCheckHandler(
    (wc, permission, _origin, details) =>
      ((permission === 'media' && details.mediaType !== 'video') ||
        permission === CLIPBOARD_WRITE) &&
      isAppUrl(details.requestingUrl || wc?.getURL() || '')
  )
}
