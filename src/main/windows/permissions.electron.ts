import type { Session, WebContents } from 'electron'
import { answerPermissionCheck, answerPermissionRequest } from './permissionPolicy'

/** The operating system's own consent to the microphone (macOS), asked when a call opens it. */
export type OsMicrophoneConsent = (contents: WebContents) => Promise<boolean>

/**
 * Wires permissionPolicy into the session: the same rule for checks and requests. The page is
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
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const answer = answerPermissionRequest(permission, details.requestingUrl, types, isAppUrl)
    if (answer !== 'ask-os-for-microphone') return callback(answer === 'grant')
    if (!osConsent) return callback(true)
    osConsent(contents).then(callback, (error: unknown) => {
      log('Asking the OS for the microphone failed:', error)
      callback(false)
    })
  })
  ses.setPermissionCheckHandler((wc, permission, _origin, details) =>
    answerPermissionCheck(
      permission,
      details.requestingUrl || wc?.getURL() || '',
      details.mediaType,
      isAppUrl
    )
  )
}
