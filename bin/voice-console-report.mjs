#!/usr/bin/env node
// Offline lab report for voice_sessions.csv files; plain Node, no Electron.
import { register } from 'tsx/esm/api'

register()
await import('../tools/cli/main.ts')
