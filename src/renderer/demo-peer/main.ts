import { DEMO_PEER_PORT_MESSAGE } from '../../shared/demo-peer/portChannel'
import { PeerPageRuntime } from './PeerPageRuntime'

// The page waits for its MessagePort: Electron's preload (demoPeer.ts) or a test posts it to the
// page's own window. The first one wins; the page answers nothing before.
let runtime: PeerPageRuntime | null = null
window.addEventListener('message', (event: MessageEvent) => {
  const port = event.ports[0]
  if (runtime || event.source !== window || event.data !== DEMO_PEER_PORT_MESSAGE || !port) return
  runtime = new PeerPageRuntime({
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.onmessage = (e: MessageEvent) => listener(e.data)
    }
  })
})
