import type { ToPage } from '../../../../shared/demo-peer/pagePeerProtocol'

/**
 * Main's end of the link to the peer page, whatever carries it (an Electron MessagePort, a test's
 * Playwright binding). `send` may queue until the page is there; what arrives is unparsed.
 */
export interface PageLink {
  send(message: ToPage): void
  onMessage(listener: (raw: unknown) => void): void
}
