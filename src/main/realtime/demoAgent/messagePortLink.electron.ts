import type { MessagePortMain } from 'electron'
import type { ToPage } from '../../../shared/demo-peer/pagePeerProtocol'
import type { PageLink } from '../../realtime-sim/rtc/pagePeer/PageLink'

/**
 * A PageLink over Electron's MessagePortMain that queues until the port exists (the page is
 * still loading when the first call's offer comes).
 */
export class MessagePortLink implements PageLink {
  private port: MessagePortMain | null = null
  private readonly queue: ToPage[] = []
  private readonly listeners: ((raw: unknown) => void)[] = []

  attach(port: MessagePortMain): void {
    this.port = port
    port.on('message', (event) => this.listeners.forEach((listener) => listener(event.data)))
    port.start()
    for (const message of this.queue.splice(0)) port.postMessage(message)
  }

  send(message: ToPage): void {
    if (this.port) this.port.postMessage(message)
    else this.queue.push(message)
  }

  onMessage(listener: (raw: unknown) => void): void {
    this.listeners.push(listener)
  }

  close(): void {
    this.port?.close()
    this.port = null
    this.queue.length = 0
  }
}
