import { isAbsolute, join, normalize, relative } from 'node:path'

/**
 * The packaged pages load from app://console/… (a privileged, standard, secure scheme that
 * main serves from out/renderer), not from file://: a file: page's origin is opaque and covers
 * every file on the disk, so neither the CSP's 'self' nor an origin check could tell the app's
 * page from any other local file.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'console'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The two pages the app loads: the console, and the Demo agent's hidden WebRTC peer. */
export type AppPage = 'index.html' | 'demo-peer.html'
export const appPageUrl = (page: AppPage): string => `${APP_ORIGIN}/${page}`

/** The file under `rendererDir` an app:// URL names, or null (another scheme or host, or not inside). */
export function fileForAppUrl(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  return fileInside(rendererDir, parsed.pathname === '/' ? '/index.html' : parsed.pathname)
}

/**
 * The file a URL path (still percent-encoded) names under `rootDir`, or null: a path that leaves
 * the folder (`..`, encoded or not, a sibling whose name starts the same), a bad escape, a NUL
 * or a backslash (a separator on Windows) is refused. Whether the file exists is the caller's.
 */
export function fileInside(rootDir: string, urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const file = normalize(join(rootDir, path))
  const inside = relative(rootDir, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}
