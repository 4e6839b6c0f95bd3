/**
 * What the app's pages may use: the microphone (audio only) and writing text to the clipboard
 * (the handoff note's Copy); every other permission, and any other page, is refused. Electron
 * asks twice, a check (navigator.permissions, enumerateDevices: one media type) and a request
 * (getUserMedia: a list of types), and both answers come from here so they cannot drift apart.
 */
export const CLIPBOARD_WRITE = 'clipboard-sanitized-write'

export type PermissionAnswer = 'refuse' | 'grant' | 'ask-os-for-microphone'

export function answerPermissionRequest(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[],
  isAppUrl: (url: string) => boolean
): PermissionAnswer {
  if (!isAppUrl(requestingUrl)) return 'refuse'
  if (permission === CLIPBOARD_WRITE) return 'grant'
  const audioOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio')
  return permission === 'media' && audioOnly ? 'ask-os-for-microphone' : 'refuse'
}

/** A check names one media type; only 'audio' passes (not 'video', not 'unknown'). */
export function answerPermissionCheck(
  permission: string,
  pageUrl: string,
  mediaType: string | undefined,
  isAppUrl: (url: string) => boolean
): boolean {
  if (!isAppUrl(pageUrl)) return false
  if (permission === CLIPBOARD_WRITE) return true
  return permission === 'media' && mediaType === 'audio'
}
