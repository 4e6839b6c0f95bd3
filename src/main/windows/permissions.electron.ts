import type { Session } from 'electron'

/** The microphone, audio only, for the app's own page; every other permission is refused. */
export function allowMicrophoneOnly(ses: Session, isAppUrl: (url: string) => boolean): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    const audioOnly = types.length > 0 && types.every((t) => t === 'audio')
    callback(permission === 'media' && audioOnly && isAppUrl(details.requestingUrl))
  })
  ses.setPermissionCheckHandler(
    (_wc, permission, origin) => permission === 'media' && isAppUrl(origin)
  )
}
