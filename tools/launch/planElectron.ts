import { join } from 'node:path'
import type { ElectronLayout } from './electronLayout'

export type ElectronSource = 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules'

export type ElectronPlan =
  | { kind: 'ready'; executable: string; source: ElectronSource }
  | { kind: 'install' }
  | { kind: 'stop'; reason: StopReason }

export type StopReason =
  | { code: 'skip-download' }
  | { code: 'exec-path-missing'; path: string }
  | { code: 'override-missing'; executable: string }

export interface LaunchEnv {
  ELECTRON_EXEC_PATH?: string
  ELECTRON_OVERRIDE_DIST_PATH?: string
  ELECTRON_SKIP_BINARY_DOWNLOAD?: string
  [name: string]: string | undefined
}

/**
 * Where Electron comes from, in electron-vite's and Electron's own order: an explicit executable
 * (electron-vite's ELECTRON_EXEC_PATH), an Electron already on disk (Electron's
 * ELECTRON_OVERRIDE_DIST_PATH), else node_modules/electron/dist, installed when install.js's
 * isInstalled() would say so. Only then is a download planned, unless it is switched off.
 */
export function planElectron(
  layout: ElectronLayout,
  env: LaunchEnv,
  exists: (path: string) => boolean
): ElectronPlan {
  if (env.ELECTRON_EXEC_PATH) {
    const path = env.ELECTRON_EXEC_PATH
    return exists(path)
      ? { kind: 'ready', executable: path, source: 'ELECTRON_EXEC_PATH' }
      : { kind: 'stop', reason: { code: 'exec-path-missing', path } }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH, layout.platformExecutable)
    return exists(executable)
      ? { kind: 'ready', executable, source: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { kind: 'stop', reason: { code: 'override-missing', executable } }
  }
  const installed = join(layout.packageDir, 'dist', layout.platformExecutable)
  if (
    layout.installedVersion === layout.version &&
    layout.pathTxt === layout.platformExecutable &&
    exists(installed)
  ) {
    return { kind: 'ready', executable: installed, source: 'node_modules' }
  }
  // Like Electron's installers before 42: any non-empty value switches the download off.
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { kind: 'stop', reason: { code: 'skip-download' } }
  return { kind: 'install' }
}
