import { describe, expect, it } from 'vitest'
import { buildsForHost, distFolder, electronDistFor } from '../../../tools/launch/packagingTarget'

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

describe('electronDistFor', () => {
  const version = '45.5.0'
  const at = (
    executable: string,
    source: 'node_modules' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'ELECTRON_EXEC_PATH'
  ) => ({ executable, source, version })

  it('hands over a dist folder whose version file matches', () => {
    expect(
      electronDistFor(at('/e/dist/electron', 'node_modules'), 'electron', () => 'v45.5.0')
    ).toBe('/e/dist')
    expect(
      electronDistFor(
        at('/opt/e/electron', 'ELECTRON_OVERRIDE_DIST_PATH'),
        'electron',
        () => '45.5.0\n'
      )
    ).toBe('/opt/e')
  })

  it('leaves the download to electron-builder for another version, no version file or an exec path', () => {
    expect(
      electronDistFor(
        at('/opt/e/electron', 'ELECTRON_OVERRIDE_DIST_PATH'),
        'electron',
        () => '44.0.0'
      )
    ).toBeUndefined()
    expect(
      electronDistFor(
        at('/opt/e/electron', 'ELECTRON_OVERRIDE_DIST_PATH'),
        'electron',
        () => undefined
      )
    ).toBeUndefined()
    expect(
      electronDistFor(at('/usr/bin/electron', 'ELECTRON_EXEC_PATH'), 'electron', () => '45.5.0')
    ).toBeUndefined()
  })
})
