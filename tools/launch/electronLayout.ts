import { existsSync, readFileSync } from 'node:fs'
import { platform as osPlatform } from 'node:os'
import { join } from 'node:path'

/** What Electron's own installer (node_modules/electron/install.js) looks at, read from disk. */
export interface ElectronLayout {
  packageDir: string
  /** The version node_modules/electron declares, which install.js downloads. */
  version: string
  /** The executable inside a dist folder for this platform: `electron`, `electron.exe`, … */
  platformExecutable: string
  /** dist/version without a leading "v", when there is one. */
  installedVersion: string | undefined
  /** path.txt, which install.js writes last and electron-vite reads. */
  pathTxt: string | undefined
}

type Env = Record<string, string | undefined>

/** install.js's getPlatformPath(), with the same environment overrides. */
export function platformExecutable(env: Env, hostPlatform: string = osPlatform()): string {
  const platform = env['ELECTRON_INSTALL_PLATFORM'] || env['npm_config_platform'] || hostPlatform
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'win32':
      return 'electron.exe'
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron'
    default:
      throw new Error(`Electron builds are not available on platform: ${platform}`)
  }
}

const readText = (file: string): string | undefined =>
  existsSync(file) ? readFileSync(file, 'utf8') : undefined

export function readElectronLayout(packageDir: string, env: Env): ElectronLayout {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string
  }
  return {
    packageDir,
    version,
    platformExecutable: platformExecutable(env),
    installedVersion: readText(join(packageDir, 'dist', 'version'))
      ?.trim()
      .replace(/^v/, ''),
    pathTxt: readText(join(packageDir, 'path.txt'))
  }
}
