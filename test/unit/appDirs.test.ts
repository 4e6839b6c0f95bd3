import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../src/main/appDirs'

const os = (): string => '/home/u/.config/OutdoorGear Voice Console'

describe('resolveDataDir', () => {
  it('prefers --data-dir, in both spellings, over the environment', () => {
    const env = { VOICE_CONSOLE_DATA_DIR: '/env' }
    expect(resolveDataDir(['electron', '.', '--data-dir', '/a'], env, os)).toBe(resolve('/a'))
    expect(resolveDataDir(['--data-dir=rel'], env, os)).toBe(resolve('rel'))
  })
  it('falls back to the environment variable, then the OS folder', () => {
    expect(resolveDataDir([], { VOICE_CONSOLE_DATA_DIR: '/env' }, os)).toBe(resolve('/env'))
    expect(resolveDataDir([], { VOICE_CONSOLE_DATA_DIR: ' ' }, os)).toBe(os())
    expect(resolveDataDir([], {}, os)).toBe(os())
  })
  it('refuses --data-dir without a value', () => {
    expect(() => resolveDataDir(['--data-dir'], {}, os)).toThrow('--data-dir needs a folder path')
    expect(() => resolveDataDir(['--data-dir', '--x'], {}, os)).toThrow()
  })
})
