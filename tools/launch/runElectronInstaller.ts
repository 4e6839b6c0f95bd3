import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseFetchFailures, type FetchFailure } from './fetchFailure'

export type InstallOutcome =
  { ok: true } | { ok: false; fetchFailure: FetchFailure | undefined; installerOutput: string }

const RECORDER = join(import.meta.dirname, 'recordFetchFailure.mjs')

/**
 * Runs Electron's own installer (the `install-electron` bin), so ELECTRON_MIRROR,
 * ELECTRON_CUSTOM_DIR, electron_config_cache and its checksums apply as they would to
 * `npx install-electron`. Its stderr is kept for the launcher's message instead of shown.
 */
export async function runElectronInstaller(
  packageDir: string,
  env: NodeJS.ProcessEnv
): Promise<InstallOutcome> {
  const reportDir = mkdtempSync(join(tmpdir(), 'electron-install-'))
  const reportFile = join(reportDir, 'fetch-failures.jsonl')
  try {
    const args = ['--import', pathToFileURL(RECORDER).href, join(packageDir, 'install.js')]
    const child = spawn(process.execPath, args, {
      cwd: packageDir,
      env: { ...env, VOICE_CONSOLE_FETCH_REPORT: reportFile },
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let installerOutput = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (installerOutput += chunk))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject).once('close', resolve)
    })
    if (code === 0) return { ok: true }
    const failures = readFailures(reportFile)
    return { ok: false, fetchFailure: failures.at(-1), installerOutput }
  } finally {
    rmSync(reportDir, { recursive: true, force: true })
  }
}

function readFailures(reportFile: string): FetchFailure[] {
  try {
    return parseFetchFailures(readFileSync(reportFile, 'utf8'))
  } catch {
    return []
  }
}
