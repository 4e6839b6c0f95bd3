import { dirname } from 'node:path'
import type { ElectronSource } from './planElectron'

const PLATFORM_FLAGS: Record<string, string[]> = {
  linux: ['--linux', '-l'],
  darwin: ['--mac', '-m', '--macos'],
  win32: ['--win', '-w', '--windows']
}
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal']

export interface Host {
  platform: string
  arch: string
}

/**
 * Whether electron-builder's arguments build for the host's own platform and architecture, the
 * only case where the host's Electron (node_modules/electron/dist) is the one to package.
 */
export function buildsForHost(builderArgs: string[], host: Host): boolean {
  const platforms = Object.entries(PLATFORM_FLAGS)
    .filter(([, flags]) => builderArgs.some((arg) => flags.includes(arg)))
    .map(([platform]) => platform)
  if (platforms.some((platform) => platform !== host.platform)) return false
  const arches = builderArgs.filter((arg) => ARCH_FLAGS.includes(arg))
  return arches.every((arch) => arch === `--${host.arch}`)
}

/** The dist folder an executable sits in: dist/ for dist/Electron.app/Contents/MacOS/Electron. */
export function distFolder(executable: string, platformExecutable: string): string {
  let folder = executable
  for (let depth = platformExecutable.split('/').length; depth > 0; depth--)
    folder = dirname(folder)
  return folder
}

/**
 * The folder to hand electron-builder as `electronDist`, when it holds the Electron to package:
 * its `version` file (in every Electron zip) must be the declared version. An ELECTRON_EXEC_PATH
 * can be any executable (a link in /usr/bin), not a dist folder, so it is never used.
 */
export function electronDistFor(
  electron: { executable: string; source: ElectronSource; version: string },
  platformExecutable: string,
  readVersion: (distFolder: string) => string | undefined
): string | undefined {
  if (electron.source === 'ELECTRON_EXEC_PATH') return undefined
  const dist = distFolder(electron.executable, platformExecutable)
  return readVersion(dist)?.trim().replace(/^v/, '') === electron.version ? dist : undefined
}
