import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/** True when `command --version` runs and exits 0. */
export const runsVersion = (command: string): boolean =>
  spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0

/**
 * Where installers put espeak-ng when PATH may not say: an app started from Finder or the Dock
 * gets launchd's PATH (/usr/bin:/bin:/usr/sbin:/sbin), without Homebrew's or MacPorts' folders.
 */
export function wellKnownEspeakPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin')
    return ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'].map((dir) =>
      join(dir, 'espeak-ng')
    )
  if (platform === 'win32') {
    const roots = [env['ProgramFiles'], env['ProgramFiles(x86)']].filter(Boolean) as string[]
    return roots.map((root) => join(root, 'eSpeak NG', 'espeak-ng.exe'))
  }
  return []
}

/** The espeak-ng to run: the one on PATH, else one in a well-known place; null when none runs. */
export function findEspeak(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  runs: (command: string) => boolean = runsVersion
): string | null {
  for (const command of ['espeak-ng', ...wellKnownEspeakPaths(platform, env)])
    if (runs(command)) return command
  return null
}
