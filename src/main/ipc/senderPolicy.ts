import { APP_HOST, APP_SCHEME } from '../windows/appOrigin'
import type { Sender } from './dispatch'

/**
 * Accepts the app page (app://console/index.html, any hash or query) and, in development only,
 * the electron-vite dev server's origin. Anything else is refused: a file: URL (the app no longer
 * loads from one), the Demo agent's peer page, a navigated-away page.
 */
export function createAppUrlCheck(devServerUrl?: string) {
  // Only an http(s) dev server: any other URL has the opaque origin "null", which every
  // file:, data: or custom-scheme URL shares, so it would trust them all.
  const devOrigin = devServerUrl ? httpOrigin(devServerUrl) : undefined
  return (url: string): boolean => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // Node gives a custom scheme an opaque origin, so compare its parts.
    if (parsed.protocol === `${APP_SCHEME}:`)
      return parsed.host === APP_HOST && parsed.pathname === '/index.html'
    return devOrigin !== undefined && parsed.origin === devOrigin
  }
}

export const isTrustedSender =
  (isAppUrl: (url: string) => boolean) =>
  (sender: Sender): boolean =>
    sender.isTopFrame && isAppUrl(sender.url)

function httpOrigin(url: string): string {
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`The dev server must be an http(s) URL, not ${parsed.protocol}`)
  return parsed.origin
}
