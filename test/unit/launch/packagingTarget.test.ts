import { describe, expect, it } from 'vitest'
import { buildsForHost, distFolder } from '../../../tools/launch/packagingTarget'

const linuxX64 = { platform: 'linux', arch: 'x64' }

describe('buildsForHost', () => {
  it('is true for the host’s platform and arch, named or implied', () => {
    expect(buildsForHost(['--linux'], linuxX64)).toBe(true)
    expect(buildsForHost(['--linux', 'deb', '--x64'], linuxX64)).toBe(true)
    expect(buildsForHost([], linuxX64)).toBe(true)
  })

  it('is false for another platform or arch', () => {
    expect(buildsForHost(['--win'], linuxX64)).toBe(false)
    expect(buildsForHost(['--linux', '--mac'], linuxX64)).toBe(false)
    expect(buildsForHost(['--linux', '--arm64'], linuxX64)).toBe(false)
  })
})

describe('distFolder', () => {
  it('climbs out of the platform executable’s path', () => {
    expect(distFolder('/e/dist/electron', 'electron')).toBe('/e/dist')
    expect(
      distFolder(
        '/e/dist/Electron.app/Contents/MacOS/Electron',
        'Electron.app/Contents/MacOS/Electron'
      )
    ).toBe('/e/dist')
  })
})
