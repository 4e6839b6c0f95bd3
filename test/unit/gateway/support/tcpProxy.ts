import { createConnection, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A TCP relay to `target` (a network path between the gateway and the API) whose connections a
 * test cuts at once, both ways, without a close frame: what a dropped link looks like.
 */
export async function startTcpProxy(target: URL): Promise<{
  url: string
  cutAll: () => void
  close: () => Promise<void>
}> {
  const open = new Set<Socket>()
  const server = createServer((inbound) => {
    const outbound = createConnection(Number(target.port), target.hostname)
    for (const socket of [inbound, outbound]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    inbound.pipe(outbound).pipe(inbound)
    inbound.on('close', () => outbound.destroy())
    outbound.on('close', () => inbound.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const cutAll = (): void => {
    for (const socket of open) socket.resetAndDestroy()
  }
  return {
    url: `http://127.0.0.1:${port}`,
    cutAll,
    close: async () => {
      cutAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
