import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { GatewayCalls } from './GatewayCalls'
import { BodyTooLarge, readRequestBody } from './requestBody'

/** Where the customer page lives (behind the TLS proxy): link the site's "talk to us" here. */
export const WEB_CALL_PATH = '/call'

/** A browser's offer with its candidates is a few kB; anything this large is not one. */
const MAX_OFFER_BYTES = 64 * 1024
const MAX_HANGUP_BYTES = 1024

const ASSETS: Record<string, { file: string; type: string }> = {
  [WEB_CALL_PATH]: { file: 'index.html', type: 'text/html; charset=utf-8' },
  [`${WEB_CALL_PATH}/call.js`]: { file: 'call.js', type: 'text/javascript; charset=utf-8' },
  [`${WEB_CALL_PATH}/call.css`]: { file: 'call.css', type: 'text/css; charset=utf-8' }
}

/**
 * The page runs its own script and style only, talks to this origin only, and may not be framed
 * (a framing site could trick a caller into granting the microphone).
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; media-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'permissions-policy': 'microphone=(self), camera=()',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache'
}

const HangupBody = z.object({ token: z.string().min(16).max(64) }).strict()

export interface WebCallRouteOptions {
  calls: GatewayCalls
  /** The folder of the page's files (resources/web-call). */
  pageDir: string
  log: (line: string) => void
}

export interface WebCallRoute {
  /** True when the request was the web channel's (answered). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>
}

/**
 * The web channel: `GET /call` (the customer page), `GET /call/setup` (whether its offer carries a
 * data channel: GPT-Live's session has one, locked to no events; Realtime's page sends audio
 * only), `POST /call/offer` (its SDP offer in, the answer out: 201, 409 when the offer does not
 * fit the setup, or 503 when every line is busy) and `POST /call/hangup` (its token).
 */
export function webCallRoute(options: WebCallRouteOptions): WebCallRoute {
  const { calls, pageDir, log } = options

  async function offer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isType(req, 'application/sdp'))
      return plain(res, 415, 'the offer is sent as application/sdp')
    let sdp: string
    try {
      sdp = await readRequestBody(req, MAX_OFFER_BYTES)
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error
      return plain(res, 413, 'offer too large')
    }
    if (!sdp.startsWith('v=0')) return plain(res, 400, 'not an SDP offer')
    let answer: Awaited<ReturnType<GatewayCalls['web']>>
    try {
      answer = await calls.web(sdp)
    } catch (error) {
      log(`web call not started: ${error instanceof Error ? error.message : String(error)}`)
      return plain(res, 502, 'the call could not be started')
    }
    // The engine changed since the page read its setup (the team's choice, or a restart).
    if (answer === 'setup_changed')
      return plain(res, 409, 'the call setup changed: read /call/setup again')
    if (answer === 'busy') {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '30' })
      return void res.end('every line is busy')
    }
    res.writeHead(201, {
      'content-type': 'application/sdp',
      'cache-control': 'no-store',
      'x-call-token': answer.hangupToken
    })
    res.end(answer.sdp)
  }

  async function hangup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let parsed: z.infer<typeof HangupBody>
    try {
      parsed = HangupBody.parse(JSON.parse(await readRequestBody(req, MAX_HANGUP_BYTES)))
    } catch {
      return plain(res, 400, 'a hang-up names its call token')
    }
    const ended = await calls.hangUpWeb(parsed.token)
    res.writeHead(ended ? 204 : 404).end()
  }

  return {
    async handle(req, res, path) {
      const asset = ASSETS[path]
      if (asset && req.method === 'GET') {
        const body = await readFile(join(pageDir, asset.file))
        res.writeHead(200, { 'content-type': asset.type, ...PAGE_HEADERS }).end(body)
        return true
      }
      if (path === `${WEB_CALL_PATH}/setup` && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        res.end(JSON.stringify({ dataChannel: calls.webDataChannel }))
        return true
      }
      if (path === `${WEB_CALL_PATH}/offer` && req.method === 'POST') {
        await offer(req, res)
        return true
      }
      if (path === `${WEB_CALL_PATH}/hangup` && req.method === 'POST') {
        await hangup(req, res)
        return true
      }
      return false
    }
  }
}

function isType(req: IncomingMessage, type: string): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === type
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message)
}
