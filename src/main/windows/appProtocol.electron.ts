import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { APP_SCHEME, fileForAppUrl } from './appOrigin'

/**
 * Before the app is ready: app:// is standard (relative URLs, a real origin for 'self' and the
 * permission checks) and secure (getUserMedia needs a secure context). No CORS, no service
 * workers, no other privilege.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    }
  ])
}

/** Serves app://console/… from `rendererDir` only (GET, files inside it); anything else is a 404. */
export function serveAppProtocol(
  rendererDir: string,
  log: (message: string, error: unknown) => void = console.error
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? fileForAppUrl(rendererDir, request.url) : null
    if (file === null) return new Response(null, { status: 404 })
    try {
      return await net.fetch(pathToFileURL(file).href)
    } catch (error) {
      log(`app:// could not serve ${request.url}:`, error)
      return new Response(null, { status: 404 })
    }
  })
}
