import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Dev server only: React Fast Refresh injects an inline script and HMR talks over a same-origin
 * websocket, which the shipped CSP forbids. Production builds keep the strict policy.
 */
const devServerCsp = (): Plugin => ({
  name: 'voice-console:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace('connect-src ', "connect-src 'self' ws: ")
})

/** The app's page, and the demo agent's hidden WebRTC peer page. */
const rendererPages = {
  index: resolve('src/renderer/index.html'),
  'demo-peer': resolve('src/renderer/demo-peer.html')
}

const alias = {
  '@shared': resolve('src/shared'),
  '@renderer': resolve('src/renderer/src')
}

export default defineConfig({
  main: {
    resolve: { alias }
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload must be a single CommonJS file that imports only electron. demoPeer is
    // the demo agent's hidden peer page's (it shares no module with index, so no shared chunk).
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/preload/index.ts'),
          demoPeer: resolve('src/preload/demoPeer.ts')
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    resolve: { alias },
    plugins: [react(), devServerCsp()],
    build: { rollupOptions: { input: rendererPages } }
  }
})
