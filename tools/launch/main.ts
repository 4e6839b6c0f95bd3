/**
 * `npm start`, `npm run dev` and `npm run package:*` go through here: Electron ≥ 42 no longer
 * downloads its binary on install, and electron-vite 6 then fails with a bare "Electron
 * uninstall". This finds Electron (or runs its installer once), then hands over to the tool.
 *
 *   tsx tools/launch/main.ts preview|dev [electron-vite args…]
 *   tsx tools/launch/main.ts ensure
 *   tsx tools/launch/main.ts package [electron-builder args…]
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { platformExecutable } from './electronLayout'
import { ensureElectron } from './ensureElectron'
import { buildsForHost, electronDistFor } from './packagingTarget'
import { resolveBin, runNodeBin } from './runTool'

const PACKAGING_HINT = [
  'Packaging failed: electron-builder’s error is above. It downloads what it needs from GitHub on',
  'first use: fpm for the .deb (ELECTRON_BUILDER_BINARIES_MIRROR for a mirror, or USE_SYSTEM_FPM=true',
  'with fpm installed), and an Electron zip for other platforms. See docs/packaging.md.'
].join('\n')

async function main([mode, ...args]: string[]): Promise<number> {
  const projectRoot = process.cwd()
  const env = process.env
  const packageDir = dirname(
    createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json')
  )
  const log = (line: string): void => console.error(line)
  const host = { platform: process.platform, arch: process.arch }

  if (mode !== 'preview' && mode !== 'dev' && mode !== 'ensure' && mode !== 'package') {
    log('Usage: tsx tools/launch/main.ts preview|dev|ensure|package [args…]')
    return 64
  }
  // Another platform or arch needs its own Electron zip, which electron-builder downloads.
  if (mode === 'package' && !buildsForHost(args, host)) return runBuilder(projectRoot, args, env)
  const electron = await ensureElectron({ packageDir, env, log })
  if (!electron.ok) {
    log(electron.message)
    return 1
  }
  if (mode === 'ensure') return 0
  if (mode === 'package') {
    const dist = electronDistFor(electron, platformExecutable(env), readVersionFile)
    if (!dist) log(`Not packaging ${electron.executable}: electron-builder downloads Electron.`)
    const distArg = dist ? [`--config.electronDist=${dist}`] : []
    return runBuilder(projectRoot, [...args, ...distArg], env)
  }
  // electron-vite honours ELECTRON_EXEC_PATH before it reads node_modules/electron/path.txt,
  // which is how ELECTRON_OVERRIDE_DIST_PATH reaches it.
  const electronVite = resolveBin(projectRoot, 'electron-vite')
  return runNodeBin(electronVite, [mode, ...args], {
    cwd: projectRoot,
    env: { ...env, ELECTRON_EXEC_PATH: electron.executable }
  })
}

function readVersionFile(distFolder: string): string | undefined {
  const file = join(distFolder, 'version')
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

async function runBuilder(
  projectRoot: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<number> {
  const code = await runNodeBin(resolveBin(projectRoot, 'electron-builder'), args, {
    cwd: projectRoot,
    env
  })
  if (code !== 0) console.error(PACKAGING_HINT)
  return code
}

process.exitCode = await main(process.argv.slice(2))
