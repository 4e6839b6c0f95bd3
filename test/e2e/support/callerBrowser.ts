import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import {
  launchWithFakeMic,
  makeCallerWav,
  type CallerLanguage,
  type CallerLine,
  type CallerWav
} from './voiceRig'

export interface CallerBrowser {
  /** An espeak-ng caller's WAV in the suite's scratch folder (see makeCallerWav). */
  wav(name: string, language: CallerLanguage, lines: CallerLine[], tailMs: number): CallerWav
  /** Chromium with that WAV as its microphone; the previous caller's browser is closed. */
  launch(wavPath: string): Promise<Browser>
}

/**
 * The voice suites' shared set-up: a scratch folder for caller WAVs and one Chromium at a time
 * (its fake microphone is fixed at launch, so each caller needs a new one), both cleaned up
 * after the suite.
 */
export function useCallerBrowser(prefix: string): CallerBrowser {
  let dir = ''
  let browser: Browser | null = null
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    wav: (name, language, lines, tailMs) => makeCallerWav(dir, name, language, lines, tailMs),
    launch: async (wavPath) => {
      await browser?.close()
      browser = await launchWithFakeMic(wavPath)
      return browser
    }
  }
}
