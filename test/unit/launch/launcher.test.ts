import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import {
  cleanEnv,
  closedPort,
  ELECTRON_VERSION,
  EXECUTABLE,
  fakeElectronExecutable,
  fakeProject,
  linkRealElectronVite,
  recordingBin,
  runLauncher
} from './fakeProject'

// The launcher as `npm start` runs it (tsx, a child process) against a copy of the electron
// package: Electron's real install.js, a mirror that refuses connections, the real electron-vite.
describe.skipIf(process.platform === 'win32')('launcher (tools/launch/main.ts)', () => {
  const temp = useTempDir()

  it('prints one message naming the failed download and the fixes, and never starts electron-vite', async () => {
    const { dir } = fakeProject(temp.path())
    const mark = join(temp.path(), 'electron-vite-reached')
    recordingBin(dir, 'electron-vite', mark)
    const port = await closedPort()
    const mirror = `http://127.0.0.1:${port}/`

    const run = await runLauncher(
      dir,
      ['preview'],
      cleanEnv({
        ELECTRON_MIRROR: mirror,
        electron_config_cache: join(temp.path(), 'cache')
      })
    )

    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `Download: ${mirror}v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-`
    )
    expect(run.stderr).toMatch(/Error: +connect ECONNREFUSED 127\.0\.0\.1:\d+/)
    expect(run.stderr).toMatch(/ELECTRON_MIRROR/)
    expect(run.stderr).toMatch(/npx install-electron/)
    expect(run.stderr).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/)
    expect(run.stderr).not.toMatch(/Electron uninstall|TypeError|fetch failed/)
    expect(existsSync(mark)).toBe(false)
  })

  it('says ELECTRON_SKIP_BINARY_DOWNLOAD is set instead of downloading', async () => {
    const { dir } = fakeProject(temp.path())
    const mark = join(temp.path(), 'electron-vite-reached')
    recordingBin(dir, 'electron-vite', mark)
    const run = await runLauncher(dir, ['dev'], cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }))
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD is set/)
    expect(run.stderr).not.toMatch(/downloading/)
    expect(existsSync(mark)).toBe(false)
  })

  it('starts the ELECTRON_OVERRIDE_DIST_PATH Electron through the real electron-vite, args forwarded', async () => {
    const { dir } = fakeProject(temp.path())
    linkRealElectronVite(dir)
    const record = join(temp.path(), 'electron-ran')
    const override = join(temp.path(), 'electron-on-disk')
    fakeElectronExecutable(join(override, EXECUTABLE), record)

    const run = await runLauncher(
      dir,
      ['preview', '--skipBuild', '--', '--lang=fr'],
      cleanEnv({
        ELECTRON_OVERRIDE_DIST_PATH: override,
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`
      })
    )

    expect(run.stderr).not.toMatch(/Electron uninstall/)
    expect(run.code).toBe(0)
    expect(readFileSync(record, 'utf8').split('\n')).toEqual([dir, '.', '--lang=fr', ''])
  })

  it('starts an installed node_modules/electron/dist without downloading', async () => {
    const { dir, electronDir } = fakeProject(temp.path())
    linkRealElectronVite(dir)
    const record = join(temp.path(), 'electron-ran')
    fakeElectronExecutable(join(electronDir, 'dist', EXECUTABLE), record)
    writeFileSync(join(electronDir, 'dist', 'version'), `v${ELECTRON_VERSION}`)
    writeFileSync(join(electronDir, 'path.txt'), EXECUTABLE)

    const run = await runLauncher(
      dir,
      ['preview', '--skipBuild'],
      cleanEnv({
        ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`
      })
    )

    expect(run.stderr).not.toMatch(/downloading/)
    expect(run.code).toBe(0)
    expect(readFileSync(record, 'utf8').split('\n')).toEqual([dir, '.', ''])
  })

  it('packages with the Electron on disk as electron-builder’s electronDist', async () => {
    const { dir } = fakeProject(temp.path())
    const record = join(temp.path(), 'electron-builder-args')
    recordingBin(dir, 'electron-builder', record)
    const override = join(temp.path(), 'electron-on-disk')
    fakeElectronExecutable(join(override, EXECUTABLE), join(temp.path(), 'unused'))
    writeFileSync(join(override, 'version'), ELECTRON_VERSION)

    const run = await runLauncher(
      dir,
      ['package'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: override })
    )

    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual([`--config.electronDist=${override}`])
  })
})
