import { describeFetchFailure, type FetchFailure } from './fetchFailure'
import type { StopReason } from './planElectron'

/** What a message needs to know about the Electron being looked for. */
export interface ElectronWanted {
  version: string
  /** Where install.js puts it, as the user would type it (node_modules/electron/dist). */
  distDir: string
  platformExecutable: string
}

const bullets = (lines: string[]): string => lines.map((line) => `  • ${line}`).join('\n')

function fixes(wanted: ElectronWanted, first: string): string {
  return [
    'Fix it in one of these ways, then run the command again:',
    bullets([
      first,
      'Download it on its own: npx install-electron',
      `Use an Electron ${wanted.version} already on disk: set ELECTRON_OVERRIDE_DIST_PATH to the ` +
        `folder that holds its executable (${wanted.platformExecutable}).`
    ])
  ].join('\n')
}

const NETWORK_FIX =
  'Check the network (or proxy), or set ELECTRON_MIRROR to a mirror of the Electron releases ' +
  '(ELECTRON_CUSTOM_DIR for its folder layout).'

export function downloadFailedMessage(
  wanted: ElectronWanted,
  failure: FetchFailure | undefined,
  installerOutput: string
): string {
  const what = failure
    ? [`  Download: ${failure.url}`, `  Error:    ${describeFetchFailure(failure)}`]
    : ['  Electron’s installer said:', ...lastLines(installerOutput, 8).map((l) => `    ${l}`)]
  return [
    `Electron ${wanted.version} is not installed (${wanted.distDir}), and downloading it failed.`,
    ...what,
    '',
    fixes(wanted, NETWORK_FIX)
  ].join('\n')
}

export function stopMessage(wanted: ElectronWanted, reason: StopReason): string {
  switch (reason.code) {
    case 'skip-download':
      return [
        `Electron ${wanted.version} is not installed (${wanted.distDir}), and ` +
          'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.',
        '',
        fixes(
          wanted,
          'Unset ELECTRON_SKIP_BINARY_DOWNLOAD: the next start downloads Electron (once).'
        )
      ].join('\n')
    case 'override-missing':
      return [
        `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron at ${reason.executable}.`,
        `Point it at the folder that holds Electron ${wanted.version}’s ` +
          `${wanted.platformExecutable}, or unset it to use ${wanted.distDir}.`
      ].join('\n')
    case 'exec-path-missing':
      return [
        `ELECTRON_EXEC_PATH is set, but ${reason.path} does not exist.`,
        `Point it at an Electron ${wanted.version} executable, or unset it to use ${wanted.distDir}.`
      ].join('\n')
  }
}

/** Installer succeeded by its exit code but left no executable behind. */
export function installIncompleteMessage(wanted: ElectronWanted): string {
  return [
    `Electron’s installer finished, but ${wanted.distDir} still has no Electron ${wanted.version}.`,
    '',
    fixes(wanted, `Delete ${wanted.distDir} and its path.txt, then run the command again.`)
  ].join('\n')
}

function lastLines(text: string, count: number): string[] {
  const lines = text.trimEnd().split('\n')
  return lines.slice(-count)
}
