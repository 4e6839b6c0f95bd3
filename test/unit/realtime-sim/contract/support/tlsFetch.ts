import { request } from 'node:https'

/**
 * A `fetch` that trusts `ca` (the simulator's self-signed certificate) for the openai SDK's
 * HTTP calls. Node's built-in fetch takes no CA per call and NODE_EXTRA_CA_CERTS is read only
 * at start-up, so the request goes through node:https, which does. Bodies are buffered: the
 * SDK calls it for small JSON requests and answers.
 */
export function fetchTrusting(ca: string | Buffer): typeof fetch {
  return async (input, init) => {
    const req = new Request(input, init)
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        req.url,
        { method: req.method, headers: Object.fromEntries(req.headers), ca, signal: req.signal },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () => {
            const status = res.statusCode ?? 500
            const headers = new Headers()
            for (const [name, value] of Object.entries(res.headers))
              for (const v of [value ?? []].flat()) headers.append(name, v)
            const noBody = [204, 205, 304].includes(status)
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }))
          })
        }
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  }
}
