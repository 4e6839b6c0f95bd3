import { spawn } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { platformExecutable } from '../../../tools/launch/electronLayout'
import { resolveBin } from '../../../tools/launch/runTool'

const repo = resolve('.')
const realElectron = dirname(
  createRequire(join(repo, 'package.json')).resolve('electron/package.json')
)
const realNodeModules = dirname(realElectron)
export const ELECTRON_VERSION = (
  createRequire(import.meta.url)(join(realElectron, 'package.json')) as {
    version: string
  }
).version
export const EXECUTABLE = platformExecutable({})

/**
 * An app folder the launcher can run in: package.json + entry, and a copy of the electron package
 * (Electron's real install.js, without any dist) whose own dependencies link to the real ones.
 */
export function fakeProject(root: string): { dir: string; electronDir: string } {
  const dir = join(root, 'app')
  const electronDir = join(dir, 'node_modules', 'electron')
  mkdirSync(electronDir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "name": "fake-app", "main": "index.js" }\n')
  writeFileSync(join(dir, 'index.js'), '')
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(join(realElectron, file), join(electronDir, file))
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(realNodeModules, scope), join(dir, 'node_modules', scope), 'junction')
  }
  return { dir, electronDir }
}

export const linkRealElectronVite = (dir: string): void =>
  symlinkSync(
    join(realNodeModules, 'electron-vite'),
    join(dir, 'node_modules', 'electron-vite'),
    'junction'
  )

/** A tool's stand-in whose bin records its arguments: whether (and how) the launcher got there. */
export function recordingBin(dir: string, name: string, record: string): void {
  const pkg = join(dir, 'node_modules', name)
  mkdirSync(pkg, { recursive: true })
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, bin: { [name]: 'bin.js' } }))
  writeFileSync(
    join(pkg, 'bin.js'),
    `require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)))\n`
  )
}

/** A shell script where Electron's executable would be, recording its folder and arguments. */
export function fakeElectronExecutable(path: string, record: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${record}'\n`)
  chmodSync(path, 0o755)
}

/** A port nothing listens on: a real, immediate ECONNREFUSED. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return port
}

/** The environment without the machine's Electron settings, so only the test's apply. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^(ELECTRON_|electron_|npm_config_electron|npm_package_config_electron)/i.test(key)
    )
  )
  return { ...env, ...extra }
}

export function runLauncher(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = resolveBin(repo, 'tsx')
  const child = spawn(process.execPath, [tsx, join(repo, 'tools/launch/main.ts'), ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })))
}
