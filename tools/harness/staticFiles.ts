import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { fileInside } from '../../src/main/windows/appOrigin'

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/**
 * Answers a GET for `path` with the file under `rootDir` (an absolute folder), or 404: nothing
 * outside the folder (the app:// protocol's rule, fileInside), no bad escapes, no folders.
 */
export function serveStaticFile(res: ServerResponse, rootDir: string, path: string): void {
  const file = fileInside(rootDir, path)
  if (file === null || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
}
