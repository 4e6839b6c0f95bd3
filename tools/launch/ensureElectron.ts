import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { readElectronLayout, type ElectronLayout } from './electronLayout'
import {
  downloadFailedMessage,
  installIncompleteMessage,
  stopMessage,
  type ElectronWanted
} from './launchMessages'
import { planElectron, type ElectronSource } from './planElectron'
import { runElectronInstaller } from './runElectronInstaller'

export type EnsuredElectron =
  | { ok: true; executable: string; source: ElectronSource; version: string }
  | { ok: false; message: string }

export interface EnsureOptions {
  /** node_modules/electron of the project. */
  packageDir: string
  env: NodeJS.ProcessEnv
  /** Where progress goes ("downloading…"); the caller prints the final message. */
  log: (line: string) => void
}

/** Finds Electron, running its installer first when it is missing and a download is allowed. */
export async function ensureElectron({
  packageDir,
  env,
  log
}: EnsureOptions): Promise<EnsuredElectron> {
  let layout = readElectronLayout(packageDir, env)
  const wanted = wantedFrom(layout)
  const plan = planElectron(layout, env, existsSync)
  if (plan.kind === 'ready') {
    return { ok: true, executable: plan.executable, source: plan.source, version: layout.version }
  }
  if (plan.kind === 'stop') return { ok: false, message: stopMessage(wanted, plan.reason) }

  log(`Electron ${layout.version} is not installed yet: downloading it once with its installer…`)
  const outcome = await runElectronInstaller(packageDir, env)
  if (!outcome.ok) {
    return {
      ok: false,
      message: downloadFailedMessage(wanted, outcome.fetchFailure, outcome.installerOutput)
    }
  }
  layout = readElectronLayout(packageDir, env)
  const after = planElectron(layout, env, existsSync)
  return after.kind === 'ready'
    ? { ok: true, executable: after.executable, source: after.source, version: layout.version }
    : { ok: false, message: installIncompleteMessage(wanted) }
}

function wantedFrom(layout: ElectronLayout): ElectronWanted {
  const distDir = join(layout.packageDir, 'dist')
  const shown = relative(process.cwd(), distDir)
  return {
    version: layout.version,
    distDir: shown.startsWith('..') ? distDir : shown,
    platformExecutable: layout.platformExecutable
  }
}
