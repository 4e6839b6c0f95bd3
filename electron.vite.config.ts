import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Dev server only: React Fast Refresh injects an inline script and HMR talks over a websocket to
 * the dev server, which the shipped CSP forbids. Production builds keep the strict policy. A page
 * whose policy lacks the directives relaxed here fails loudly rather than serving a broken page.
 */
export function relaxCspForDevServer(html: string): string {
  for (const directive of ["script-src 'self'", "connect-src 'none'"])
    if (!html.includes(directive)) throw new Error(`dev CSP: the page has no ${directive}`)
  return html
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
}

const devServerCsp = (): Plugin => ({
  name: 'voice-console:dev-csp',
  apply: 'serve',
  transformIndexHtml: relaxCspForDevServer
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
