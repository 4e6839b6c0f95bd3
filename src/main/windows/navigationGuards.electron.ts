import { shell, type WebContents } from 'electron'
import { isAllowedExternalLink } from './externalLinks'

/**
 * The window never leaves the app: no navigation, no webviews, no new windows. A link to one of
 * the allowed web pages (externalLinks.ts) opens in the browser; any other is refused and logged.
 */
export function guardNavigation(
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  log: (message: string, error?: unknown) => void = console.error
): void {
  // The URL comes on the event (the positional url argument is deprecated).
  contents.on('will-navigate', (navigation) => {
    if (!isAppUrl(navigation.url)) navigation.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url))
      shell
        .openExternal(url)
        .catch((error: unknown) => log(`Could not open ${url} in the browser:`, error))
    else log(`Refused to open ${url.slice(0, 200)}: not an allowed link`)
    return { action: 'deny' }
  })
}
