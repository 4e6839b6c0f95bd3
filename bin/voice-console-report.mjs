#!/usr/bin/env node
// Offline lab report for voice_sessions.csv files; plain Node, no Electron.
// Runs the bundle `npm run build:cli` makes (npm install runs it); falls back to the TypeScript
// sources through tsx, which is slower on big files.
import { existsSync } from 'node:fs'

const built = new URL('../out/cli/voice-console-report.mjs', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../tools/cli/main.ts')
}
