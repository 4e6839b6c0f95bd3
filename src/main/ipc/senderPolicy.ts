import type { Sender } from './dispatch'

/**
 * Accepts the packaged app page (file://…/renderer/index.html) and, in development only, the
 * electron-vite dev server origin. Anything else (a navigated-away page, an iframe) is refused.
 */
export function createAppUrlCheck(rendererFileUrl: string, devServerUrl?: string) {
  const appPage = new URL(rendererFileUrl)
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
  return (url: string): boolean => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // file: URLs have an opaque origin, so compare the page itself (query and hash aside).
    if (parsed.protocol === 'file:')
      return parsed.host === appPage.host && parsed.pathname === appPage.pathname
    return devOrigin !== undefined && parsed.origin === devOrigin
  }
}

export const isTrustedSender =
  (isAppUrl: (url: string) => boolean) =>
  (sender: Sender): boolean =>
    sender.isTopFrame && isAppUrl(sender.url)
