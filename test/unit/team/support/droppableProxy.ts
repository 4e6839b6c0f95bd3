import { connect, createServer, type Socket } from 'node:net'

/**
 * A TCP relay to PostgreSQL whose "network" can drop silently: after `drop()` no byte crosses,
 * and no FIN or RST either, on the connections open then and on any opened until `restore()`
 * (as when a cable or a VPN goes). Connections opened after `restore()` work.
 */
export interface DroppableProxy {
  port: number
  drop(): void
  restore(): void
  close(): Promise<void>
}

export function startDroppableProxy(targetPort: number): Promise<DroppableProxy> {
  let dropped = false
  const sockets = new Set<Socket>()
  const dead = new WeakSet<Socket>()
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => undefined)
      socket.on('close', () => sockets.delete(socket))
      if (dropped) dead.add(socket)
    }
    const relay = (from: Socket, to: Socket): void => {
      from.on('data', (data) => {
        if (dropped) dead.add(from).add(to)
        if (!dead.has(from)) to.write(data)
      })
      from.on('end', () => {
        if (!dead.has(from)) to.end()
      })
    }
    relay(client, upstream)
    relay(upstream, client)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (typeof address !== 'object' || address === null) throw new Error('no port')
      resolve({
        port: address.port,
        drop: () => {
          dropped = true
          for (const socket of sockets) dead.add(socket)
        },
        restore: () => {
          dropped = false
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          })
      })
    })
  })
}
