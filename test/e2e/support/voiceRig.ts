import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { parseWav } from '../../../src/main/realtime-sim/audio/wav'
import type { Simulator } from '../../../src/main/realtime-sim/startSimulator'
import type { SimCallRecord } from '../../../tools/realtime-sim/testPage/callPage'
import { launchChromium, SCREENSHOT_DIR } from './browser'

export const GROUND_TRUTH_DIR = 'test-results/realtime-sim'
const ESPEAK_VOICES = { en: 'en-us', es: 'es', fr: 'fr-fr' } as const
export type CallerLanguage = keyof typeof ESPEAK_VOICES

/** One thing the caller says, after a pause (ms of silence before it). */
export interface CallerLine {
  pauseMs: number
  text: string
}

export interface CallerWav {
  path: string
  /** Where each line's speech starts in the WAV (first sample above -40 dBFS), ms. */
  onsetsMs: number[]
  durationMs: number
}

export function voiceToolsAvailable(): boolean {
  const ok = (cmd: string): boolean =>
    spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
  const available = ok('espeak-ng') && ok('sox')
  if (!available && process.env['CI']) throw new Error('CI: the voice rig needs espeak-ng and sox')
  if (!available) console.warn('Skipping voice tests: espeak-ng or sox missing')
  return available
}

/**
 * A caller's WAV for Chromium's fake microphone: each line spoken by espeak-ng after its pause,
 * then `tailMs` of silence, as 48 kHz mono 16-bit. Lines that overlap the agent's answer make a
 * caller who talks over the agent.
 */
export function makeCallerWav(
  dir: string,
  name: string,
  language: CallerLanguage,
  lines: CallerLine[],
  tailMs: number
): CallerWav {
  const parts = lines.map((line, i) => {
    const raw = join(dir, `${name}-${i}-raw.wav`)
    const part = join(dir, `${name}-${i}.wav`)
    execFileSync('espeak-ng', ['-v', ESPEAK_VOICES[language], '-w', raw, line.text])
    execFileSync('sox', [
      raw,
      '-r',
      '48000',
      '-c',
      '1',
      '-b',
      '16',
      part,
      'pad',
      `${line.pauseMs / 1000}`,
      '0'
    ])
    return part
  })
  const path = join(dir, `${name}.wav`)
  execFileSync('sox', [...parts, path, 'pad', '0', `${tailMs / 1000}`])
  let offsetMs = 0
  const onsetsMs = parts.map((part) => {
    const { samples, sampleRate } = parseWav(readFileSync(part))
    const first = samples.findIndex((s) => Math.abs(s) > 328)
    const onset = offsetMs + (first * 1000) / sampleRate
    offsetMs += (samples.length * 1000) / sampleRate
    return onset
  })
  return { path, onsetsMs, durationMs: offsetMs + tailMs }
}

/** Chromium's switches (Electron passes them on) that make the WAV the microphone, played once. */
export const fakeMicArgs = (wavPath: string): string[] => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wavPath}%noloop`
]

/** Debian Chromium with the WAV as its microphone. */
export function launchWithFakeMic(wavPath: string): Promise<Browser> {
  return launchChromium(fakeMicArgs(wavPath))
}

/** Mints a client secret as Electron main would, with the standard key. */
export async function mintClientSecret(sim: Simulator, apiKey: string): Promise<string> {
  const res = await fetch(`${sim.url}/v1/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      expires_after: { anchor: 'created_at', seconds: 120 },
      session: { type: 'realtime', model: 'gpt-realtime' }
    })
  })
  if (!res.ok) throw new Error(`client_secrets: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { value: string }).value
}

export function readCall(page: Page): Promise<SimCallRecord> {
  return page.evaluate(() => window.simCall)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Saves the simulator's ground truth of a call, and what the page recorded, for inspection. */
export function saveGroundTruth(
  sim: Simulator,
  callId: string,
  name: string,
  page: SimCallRecord
): void {
  mkdirSync(GROUND_TRUTH_DIR, { recursive: true })
  const save = (suffix: string, data: unknown): void =>
    writeFileSync(join(GROUND_TRUTH_DIR, `${name}.${suffix}.json`), JSON.stringify(data, null, 1))
  save('ground-truth', sim.groundTruth.list(callId))
  save('page', page)
}

type Energy = SimCallRecord['energy']

/** First reading at or after `fromMs` where the channel stays above `floor` for 2 readings. */
export function energyOnset(
  energy: Energy,
  channel: 'local' | 'remote',
  fromMs: number,
  floor: number
): number | null {
  for (let i = 0; i + 1 < energy.length; i++) {
    const [a, b] = [energy[i]!, energy[i + 1]!]
    if (a.t >= fromMs && a[channel] > floor && b[channel] > floor) return a.t
  }
  return null
}

/** First reading at or after `fromMs` where the channel stays below `floor` for `holdMs`. */
export function energyStop(
  energy: Energy,
  channel: 'local' | 'remote',
  fromMs: number,
  floor: number,
  holdMs: number
): number | null {
  let quietSince: number | null = null
  for (const reading of energy) {
    if (reading.t < fromMs) continue
    if (reading[channel] >= floor) quietSince = null
    else if (quietSince === null) quietSince = reading.t
    else if (reading.t - quietSince >= holdMs) return quietSince
  }
  return null
}
