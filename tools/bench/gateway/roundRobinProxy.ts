import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * "Several gateway instances behind one address": each webhook delivery goes to the next
 * instance in turn, body and `webhook-*` headers unchanged (the signature covers the body).
 */
export async function startRoundRobinProxy(
  /** Read at each delivery: the instances may be added once the proxy's address is known. */
  targets: readonly string[]
): Promise<{ url: string; sent: Map<string, number>; close(): Promise<void> }> {
  let next = 0
  const sent = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const target = targets[next++ % targets.length]!
      sent.set(target, (sent.get(target) ?? 0) + 1)
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
          headers[name] = value
      fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks)
      }).then(
        async (answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(Buffer.from(await answer.arrayBuffer()))
        },
        () => res.writeHead(502).end()
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
