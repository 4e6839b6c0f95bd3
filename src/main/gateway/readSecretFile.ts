import { readFileSync, statSync } from 'node:fs'

/** A secret file that cannot be used; the message names the file, never its content. */
export class SecretFileError extends Error {}

export interface SecretFile {
  value: string
  /** Said at start-up when others may read the file (mode wider than 0600); null otherwise. */
  warning: string | null
}

/**
 * Reads one secret (the API key, the webhook secret, the team database's password) from a file,
 * as systemd credentials and Docker secrets provide them: the whole file, its trailing newline
 * dropped. The value is only ever returned, never logged or put in an error.
 */
export function readSecretFile(path: string, what: string): SecretFile {
  let text: string
  let mode: number
  try {
    mode = statSync(path).mode
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    throw new SecretFileError(`${what}: ${path} cannot be read (${code})`)
  }
  const value = text.replace(/\r?\n$/, '')
  if (value.trim() === '') throw new SecretFileError(`${what}: ${path} is empty`)
  if (/[\r\n]/.test(value)) throw new SecretFileError(`${what}: ${path} holds more than one line`)
  // Windows has no such permission bits: nothing to say there.
  const widerThanOwner = process.platform !== 'win32' && (mode & 0o077) !== 0
  return {
    value,
    warning: widerThanOwner
      ? `${what}: ${path} may be read by other users (mode ${(mode & 0o777).toString(8)}); chmod 600 it`
      : null
  }
}
