import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Encryptor } from './Encryptor'

export const SECRET_NAMES = ['openai', 'azure', 'custom'] as const
export type SecretName = (typeof SECRET_NAMES)[number]

export interface SecretsStatus {
  available: boolean
  backend: string
  /** Why keys cannot be stored, when they cannot. */
  reason: string | null
  stored: Record<SecretName, boolean>
}

/** Raised instead of ever writing a key in plain text. */
export class SecretsUnavailableError extends Error {}

const FILE = 'secrets.json'

/**
 * API keys, encrypted by the OS-held key and stored as base64 in the data folder. Keys go in
 * from the renderer but never come back out of main: only `status()` crosses IPC.
 */
export class SecretStore {
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly encryptor: Encryptor
  ) {
    this.path = join(dataDir, FILE)
  }

  status(): SecretsStatus {
    const stored = this.read()
    const reason = this.encryptor.unavailableReason()
    return {
      available: reason === null,
      backend: this.encryptor.backend,
      reason,
      stored: Object.fromEntries(SECRET_NAMES.map((n) => [n, n in stored])) as Record<
        SecretName,
        boolean
      >
    }
  }

  set(name: SecretName, value: string): void {
    const reason = this.encryptor.unavailableReason()
    if (reason) throw new SecretsUnavailableError(`The key was not saved: ${reason}`)
    this.write({ ...this.read(), [name]: this.encryptor.encrypt(value).toString('base64') })
  }

  /** Main-only: the decrypted key for a request, or undefined when none is stored. */
  get(name: SecretName): string | undefined {
    const cipher = this.read()[name]
    if (cipher === undefined) return undefined
    return this.encryptor.decrypt(Buffer.from(cipher, 'base64'))
  }

  delete(name: SecretName): void {
    const secrets = this.read()
    delete secrets[name]
    this.write(secrets)
  }

  private read(): Partial<Record<SecretName, string>> {
    if (!existsSync(this.path)) return {}
    return JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Record<SecretName, string>>
  }

  private write(secrets: Partial<Record<SecretName, string>>): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(secrets), { mode: 0o600 })
    renameSync(`${this.path}.tmp`, this.path)
  }
}
