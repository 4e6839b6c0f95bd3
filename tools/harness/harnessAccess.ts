import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The header the bridge (and a test driver) sends the run's token in. */
export const TOKEN_HEADER = 'x-harness-token'
/** The query parameter that carries it where no header can be set (the page, EventSource). */
export const TOKEN_PARAM = 'token'

/**
 * Who may talk to the harness. Anything on the machine can reach 127.0.0.1, and a web page can
 * make the browser send requests there (with any Referer it likes, or via DNS rebinding under its
 * own host name), so the harness trusts neither: a request must name the harness's own host, and
 * everything but the public build output must carry this run's random token.
 */
export class HarnessAccess {
  readonly token = randomBytes(32).toString('base64url')
  private host = ''

  /** Called once the port is known: `127.0.0.1:PORT` is the only Host accepted. */
  listeningOn(port: number): void {
    this.host = `127.0.0.1:${port}`
  }

  /** A rebinding page's requests carry its own host name; a request with none is refused too. */
  hostAllowed(req: IncomingMessage): boolean {
    return this.host !== '' && req.headers.host === this.host
  }

  /** The token from the header, else from the query (`?token=`). */
  tokenPresented(req: IncomingMessage, url: URL): boolean {
    const header = req.headers[TOKEN_HEADER]
    const given = typeof header === 'string' ? header : url.searchParams.get(TOKEN_PARAM)
    if (given === null) return false
    const a = Buffer.from(given)
    const b = Buffer.from(this.token)
    return a.length === b.length && timingSafeEqual(a, b)
  }
}
