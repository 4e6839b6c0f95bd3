import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Builds only the renderer, for the browser harness and e2e tests (no Electron binary needed).
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  resolve: {
    alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }
  },
  plugins: [react()],
  build: { outDir: resolve('out/renderer'), emptyOutDir: true }
})
