import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** A package's bin script, resolved from the project (bins are not in the packages' exports). */
export function resolveBin(
  projectRoot: string,
  packageName: string,
  binName = packageName
): string {
  const require = createRequire(join(projectRoot, 'package.json'))
  const manifest = require.resolve(`${packageName}/package.json`)
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    bin: string | Record<string, string>
  }
  const script = typeof bin === 'string' ? bin : bin[binName]
  if (!script) throw new Error(`${packageName} has no "${binName}" bin`)
  return join(dirname(manifest), script)
}

/**
 * Runs a Node bin in the foreground and resolves with its exit code. Signals sent to the
 * launcher alone (kill, a supervisor's SIGTERM) go on to the tool, which stops its Electron.
 */
export function runNodeBin(
  bin: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<number> {
  const child = spawn(process.execPath, [bin, ...args], { ...options, stdio: 'inherit' })
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal)
  for (const signal of signals) process.on(signal, forward)
  return new Promise((resolve, reject) => {
    child.once('error', reject).once('close', (code, signal) => {
      for (const name of signals) process.off(name, forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
