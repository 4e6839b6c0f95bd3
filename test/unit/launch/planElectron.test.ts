import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ElectronLayout } from '../../../tools/launch/electronLayout'
import { platformExecutable } from '../../../tools/launch/electronLayout'
import { planElectron } from '../../../tools/launch/planElectron'

const PACKAGE = '/app/node_modules/electron'
const INSTALLED = join(PACKAGE, 'dist', 'electron')

const layout = (over: Partial<ElectronLayout> = {}): ElectronLayout => ({
  packageDir: PACKAGE,
  version: '45.5.0',
  platformExecutable: 'electron',
  installedVersion: '45.5.0',
  pathTxt: 'electron',
  ...over
})
const onDisk =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path)

describe('planElectron', () => {
  it('uses node_modules/electron/dist when install.js would call it installed', () => {
    expect(planElectron(layout(), {}, onDisk(INSTALLED))).toEqual({
      kind: 'ready',
      executable: INSTALLED,
      source: 'node_modules'
    })
  })

  it.each([
    ['no dist/version', { installedVersion: undefined }, [INSTALLED]],
    ['another version in dist', { installedVersion: '44.0.0' }, [INSTALLED]],
    ['no path.txt', { pathTxt: undefined }, [INSTALLED]],
    ['path.txt for another platform', { pathTxt: 'electron.exe' }, [INSTALLED]],
    ['no executable', {}, []]
  ])('installs when there is %s', (_, over, paths) => {
    expect(planElectron(layout(over), {}, onDisk(...paths))).toEqual({ kind: 'install' })
  })

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, whatever its value', () => {
    const env = { ELECTRON_SKIP_BINARY_DOWNLOAD: '0' }
    expect(planElectron(layout(), env, onDisk())).toEqual({
      kind: 'stop',
      reason: { code: 'skip-download' }
    })
    expect(planElectron(layout(), env, onDisk(INSTALLED)).kind).toBe('ready')
  })

  it('takes ELECTRON_OVERRIDE_DIST_PATH’s executable over node_modules, even with nothing installed', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }
    const bare = layout({ installedVersion: undefined, pathTxt: undefined })
    expect(planElectron(bare, env, onDisk('/opt/electron/electron'))).toEqual({
      kind: 'ready',
      executable: '/opt/electron/electron',
      source: 'ELECTRON_OVERRIDE_DIST_PATH'
    })
  })

  it('stops instead of downloading when ELECTRON_OVERRIDE_DIST_PATH has no Electron', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }
    expect(planElectron(layout(), env, onDisk(INSTALLED))).toEqual({
      kind: 'stop',
      reason: { code: 'override-missing', executable: '/opt/electron/electron' }
    })
  })

  it('takes electron-vite’s ELECTRON_EXEC_PATH first, and stops when it does not exist', () => {
    const env = { ELECTRON_EXEC_PATH: '/bin/my-electron', ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }
    expect(planElectron(layout(), env, onDisk('/bin/my-electron', '/opt/e/electron'))).toEqual({
      kind: 'ready',
      executable: '/bin/my-electron',
      source: 'ELECTRON_EXEC_PATH'
    })
    expect(planElectron(layout(), env, onDisk(INSTALLED))).toEqual({
      kind: 'stop',
      reason: { code: 'exec-path-missing', path: '/bin/my-electron' }
    })
  })
})

describe('platformExecutable', () => {
  it('names the executable as install.js does, honouring ELECTRON_INSTALL_PLATFORM', () => {
    expect(platformExecutable({}, 'linux')).toBe('electron')
    expect(platformExecutable({}, 'darwin')).toBe('Electron.app/Contents/MacOS/Electron')
    expect(platformExecutable({ ELECTRON_INSTALL_PLATFORM: 'win32' }, 'linux')).toBe('electron.exe')
    expect(() => platformExecutable({}, 'aix')).toThrow(/not available on platform: aix/)
  })
})
