import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = 'test-results/screenshots'

// Flags for Debian's Chromium on a closed network, as root, without a display.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

/** True when e2e can run; in CI a missing browser is an error, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  if (process.env['CI'])
    throw new Error(`CI: no Chromium at ${CHROMIUM_PATH}; install Debian's chromium package`)
  console.warn(`Skipping e2e: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  return false
}

/** Debian Chromium with the flags above, plus what a test needs (a fake microphone, autoplay). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...FLAGS, ...extraArgs],
    headless: true
  })
}
