import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Builds only the renderer, for the browser harness and e2e tests (no Electron binary needed).
// RENDERER_OUT_DIR lets parallel e2e runs (one per worktree or helper) keep their own build.
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  resolve: {
    alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }
  },
  plugins: [react()],
  build: {
    outDir: resolve(process.env['RENDERER_OUT_DIR'] ?? 'out/renderer'),
    emptyOutDir: true,
    // The app, and the demo agent's peer page (tests open it in Chromium as Electron would).
    rollupOptions: {
      input: {
        index: resolve('src/renderer/index.html'),
        'demo-peer': resolve('src/renderer/demo-peer.html')
      }
    }
  }
})
