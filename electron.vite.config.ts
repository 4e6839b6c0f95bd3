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

/**
 * The demo agent bundles the Realtime simulator into main. Its browser test page compiles
 * TypeScript with esbuild, a dev tool that is not shipped: in the app that one dev-only route
 * answers with an error instead of pulling esbuild (and its native binary) into the bundle.
 */
const SIM_TEST_PAGE_ONLY = '\0voice-console:esbuild-not-shipped'
const simTestPageNotShipped = (): Plugin => ({
  name: 'voice-console:esbuild-not-shipped',
  enforce: 'pre',
  resolveId: (id) => (id === 'esbuild' ? SIM_TEST_PAGE_ONLY : null),
  load: (id) =>
    id === SIM_TEST_PAGE_ONLY
      ? 'export async function transform() { throw new Error("The simulator test page is a dev tool (npm run sim); it is not part of the app.") }'
      : null
})

const alias = {
  '@shared': resolve('src/shared'),
  '@renderer': resolve('src/renderer/src')
}

export default defineConfig({
  main: {
    resolve: { alias },
    plugins: [simTestPageNotShipped()]
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload must be a single CommonJS file that imports only electron.
    build: { rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } }
  },
  renderer: {
    resolve: { alias },
    plugins: [react(), devServerCsp()]
  }
})
