import { join } from 'node:path'
import { BrowserWindow, MessageChannelMain } from 'electron'
import { DEMO_PEER_PORT_MESSAGE } from '../../../shared/demo-peer/portChannel'
import { PagePeerHost } from '../../realtime-sim/rtc/pagePeer/PagePeerHost'
import { appPageUrl } from '../../windows/appOrigin'
import { secureWebPreferences } from '../../windows/mainWindow.electron'
import { guardNavigation } from '../../windows/navigationGuards.electron'
import type { DemoPeers } from './DemoAgent'
import { MessagePortLink } from './messagePortLink.electron'
import { closeWhenAlone } from './closeWhenAlone.electron'

/** Sandboxed and isolated like the app's window; never throttled, allowed to play unprompted. */
export const peerPageWebPreferences = (preloadPath: string): Electron.WebPreferences => ({
  ...secureWebPreferences(preloadPath),
  backgroundThrottling: false,
  autoplayPolicy: 'no-user-gesture-required',
  spellcheck: false
})

/** app://console/demo-peer.html, or the dev server's copy in dev. */
export function peerPageUrl(devServerUrl?: string): string {
  return devServerUrl ? new URL('demo-peer.html', devServerUrl).href : appPageUrl('demo-peer.html')
}

/**
 * The demo agent's WebRTC side inside Electron: a hidden page with Chromium's own
 * RTCPeerConnection (libwebrtc in Node cannot hand audio to main: Electron's memory cage refuses
 * its external buffers). Opened by the first demo call, reopened after a close; it closes with
 * the demo agent, and when it is the last window left (so the app still quits).
 */
export function demoPeerWindow(outDir: string, devServerUrl?: string): DemoPeers {
  let open: { host: PagePeerHost; close(): void } | null = null
  // Cleared before closing: destroying the window fires 'closed', which calls this again.
  const close = (): void => {
    const closing = open
    open = null
    closing?.close()
  }
  return {
    answer: (offerSdp, handlers) => {
      open ??= openPeerPage(outDir, devServerUrl, close)
      return open.host.answer(offerSdp, handlers)
    },
    close
  }
}

function openPeerPage(
  outDir: string,
  devServerUrl: string | undefined,
  onGone: () => void
): { host: PagePeerHost; close(): void } {
  const link = new MessagePortLink()
  const host = new PagePeerHost(link)
  const window = new BrowserWindow({
    show: false,
    skipTaskbar: true,
    focusable: false,
    width: 320,
    height: 240,
    title: 'Demo agent peer',
    webPreferences: peerPageWebPreferences(join(outDir, 'preload', 'demoPeer.cjs'))
  })
  const url = peerPageUrl(devServerUrl)
  guardNavigation(window.webContents, (target) => target === url)
  window.webContents.once('did-finish-load', () => {
    const { port1, port2 } = new MessageChannelMain()
    link.attach(port1)
    window.webContents.postMessage(DEMO_PEER_PORT_MESSAGE, null, [port2])
  })
  window.webContents.once('render-process-gone', onGone)
  window.once('closed', onGone)
  const stopWatching = closeWhenAlone(window, onGone)
  // A page that fails to load leaves the call's answer to time out with its own message.
  window.loadURL(url).catch((error: unknown) => console.error('Demo agent peer page:', error))
  return {
    host,
    close: () => {
      stopWatching()
      host.closeAll('demo agent stopped')
      link.close()
      if (!window.isDestroyed()) window.destroy()
    }
  }
}
