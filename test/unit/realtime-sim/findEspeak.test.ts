import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pickVoice } from '../../../src/main/realtime-sim/audio/pickVoice'
import { EspeakVoice } from '../../../src/main/realtime-sim/audio/espeakVoice'
import { findEspeak, runsVersion } from '../../../src/main/realtime-sim/audio/findEspeak'
import { useTempDir } from '../../support/tempDir'

const only =
  (...installed: string[]) =>
  (command: string): boolean =>
    installed.includes(command)

describe('findEspeak', () => {
  it('prefers espeak-ng on PATH', () => {
    expect(findEspeak('darwin', {}, only('espeak-ng', '/opt/homebrew/bin/espeak-ng'))).toBe(
      'espeak-ng'
    )
  })

  it("finds Homebrew's or MacPorts' espeak-ng when a Finder-launched app's PATH has neither", () => {
    expect(findEspeak('darwin', {}, only('/opt/homebrew/bin/espeak-ng'))).toBe(
      '/opt/homebrew/bin/espeak-ng'
    )
    expect(findEspeak('darwin', {}, only('/usr/local/bin/espeak-ng'))).toBe(
      '/usr/local/bin/espeak-ng'
    )
    expect(findEspeak('darwin', {}, only('/opt/local/bin/espeak-ng'))).toBe(
      '/opt/local/bin/espeak-ng'
    )
  })

  it("finds the Windows installer's copy under Program Files", () => {
    const exe = join('C:\\Program Files', 'eSpeak NG', 'espeak-ng.exe')
    expect(findEspeak('win32', { ProgramFiles: 'C:\\Program Files' }, only(exe))).toBe(exe)
  })

  it('answers null when none runs (Linux looks on PATH only)', () => {
    expect(findEspeak('linux', {}, only('/opt/homebrew/bin/espeak-ng'))).toBeNull()
    expect(findEspeak('darwin', {}, only())).toBeNull()
  })

  const tmp = useTempDir()
  it('runs a candidate for real: a working --version counts, a missing file does not', () => {
    const fake = tmp.write('espeak-ng', '#!/bin/sh\necho "eSpeak NG text-to-speech: 1.51"\n')
    chmodSync(fake, 0o755)
    expect(runsVersion(fake)).toBe(true)
    expect(runsVersion(join(tmp.path(), 'missing'))).toBe(false)
  })
})

describe('pickVoice', () => {
  it('speaks with the espeak-ng it found, by its full path, and says where', async () => {
    const real = findEspeak()
    const found = real && real !== 'espeak-ng' ? real : '/usr/bin/espeak-ng'
    const { voice, note } = pickVoice('auto', () => found)
    expect(voice).toBeInstanceOf(EspeakVoice)
    expect(note).toBe(`agent voice: espeak-ng (${found})`)
    if (runsVersion(found)) expect((await voice.speak('Hello.', 'en')).length).toBeGreaterThan(4800)
  })

  it('falls back to tones when there is none', () => {
    expect(pickVoice('auto', () => null).note).toContain('espeak-ng not found')
    expect(() => pickVoice('espeak', () => null)).toThrow('espeak-ng is not installed')
  })
})
