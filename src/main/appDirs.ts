import { resolve } from 'node:path'

export const DATA_DIR_ENV = 'VOICE_CONSOLE_DATA_DIR'

/**
 * Where the session database and indexes live: `--data-dir DIR` (or `--data-dir=DIR`), then the
 * VOICE_CONSOLE_DATA_DIR environment variable, then the OS user-data folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  osUserData: () => string
): string {
  const index = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='))
  if (index >= 0) {
    const arg = argv[index]!
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1]
    if (!value || value.startsWith('--')) throw new Error('--data-dir needs a folder path')
    return resolve(value)
  }
  const fromEnv = env[DATA_DIR_ENV]?.trim()
  return fromEnv ? resolve(fromEnv) : osUserData()
}
