import { chmodSync, closeSync, mkdirSync, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

// The data folder holds caller transcripts (sessions.sqlite), settings and sealed keys: only its
// owner may enter it or read them. Modes are set explicitly (chmod), so the result does not
// depend on the process's umask. Windows has no such modes (its ACLs come from the profile).

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** The app's own folders inside the data folder (tightened through; others, such as Chromium's, are left as they are). */
export const APP_SUBFOLDERS: readonly string[] = ['catalog', 'catalog-index']

const hasPosixModes = (platform: NodeJS.Platform): boolean => platform !== 'win32'

/**
 * At start-up: creates the data folder owner-only (0700) and tightens what an older version
 * left readable: every file at its top (the database and its -wal/-shm, settings, secrets, …)
 * and everything in the app's own subfolders to 0600 / 0700. Symbolic links are not followed.
 * Returns the paths it could not change (a file of another user), for the caller to log.
 */
export function securePrivateDataFolder(
  dataDir: string,
  platform: NodeJS.Platform = process.platform
): string[] {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (!hasPosixModes(platform)) return []
  const failed: string[] = []
  const tighten = (path: string, mode: number): void => {
    try {
      chmodSync(path, mode)
    } catch {
      failed.push(path)
    }
  }
  tighten(dataDir, PRIVATE_DIR_MODE)
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name)
    if (entry.isFile()) tighten(path, PRIVATE_FILE_MODE)
    else if (entry.isDirectory() && APP_SUBFOLDERS.includes(entry.name)) tightenTree(path, tighten)
  }
  return failed
}

function tightenTree(dir: string, tighten: (path: string, mode: number) => void): void {
  tighten(dir, PRIVATE_DIR_MODE)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isFile()) tighten(path, PRIVATE_FILE_MODE)
    else if (entry.isDirectory()) tightenTree(path, tighten)
  }
}

/**
 * Creates `path` empty and owner-only unless it exists. SQLite gives the -wal and -shm files it
 * creates the database file's mode, so creating the database this way covers them too.
 */
export function createPrivateFile(
  path: string,
  platform: NodeJS.Platform = process.platform
): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
    throw error
  }
  if (hasPosixModes(platform)) chmodSync(path, PRIVATE_FILE_MODE)
}
