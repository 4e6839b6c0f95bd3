import { shell, type WebContents } from 'electron'

const isWebLink = (url: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}

/** The window never leaves the app: no navigation, no webviews, new windows open in the browser. */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  // The URL comes on the event (the positional url argument is deprecated).
  contents.on('will-navigate', (navigation) => {
    if (!isAppUrl(navigation.url)) navigation.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url))
      shell
        .openExternal(url)
        .catch((error: unknown) => console.error(`Could not open ${url} in the browser:`, error))
    return { action: 'deny' }
  })
}
