import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Encryptor } from './Encryptor'
import { SecretsUnavailableError } from './SecretStore'

const FILE = 'team-password.json'
const Stored = z.object({ sealed: z.string(), server: z.string() }).strict()

export interface TeamPasswordStatus {
  available: boolean
  reason: string | null
  /** The server (host:port) a password is saved for; null: none saved. */
  server: string | null
}

/**
 * The team database's password, sealed by the OS-held key like the API keys (never in plain
 * text, refused when the OS cannot seal) and bound to the server it was entered for: a host or
 * port changed in Settings gets no password until it is entered again. Only `status()` crosses
 * IPC; `reveal` is for main's PostgreSQL connections only.
 */
export class TeamPasswordStore {
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly encryptor: Encryptor
  ) {
    this.path = join(dataDir, FILE)
  }

  status(): TeamPasswordStatus {
    const reason = this.encryptor.unavailableReason()
    return { available: reason === null, reason, server: this.read()?.server ?? null }
  }

  set(password: string, server: string): void {
    const reason = this.encryptor.unavailableReason()
    if (reason) throw new SecretsUnavailableError(`The password was not saved: ${reason}`)
    const sealed = this.encryptor.encrypt(password).toString('base64')
    writeFileSync(`${this.path}.tmp`, JSON.stringify({ sealed, server }), { mode: 0o600 })
    renameSync(`${this.path}.tmp`, this.path)
  }

  /**
   * Main-only: the password, if one is saved for `server`; undefined otherwise, and when it can
   * no longer be unsealed (the OS keyring changed): the server then asks for it again.
   */
  reveal(server: string): string | undefined {
    const stored = this.read()
    if (!stored || stored.server !== server) return undefined
    try {
      return this.encryptor.decrypt(Buffer.from(stored.sealed, 'base64'))
    } catch {
      return undefined
    }
  }

  clear(): void {
    rmSync(this.path, { force: true })
  }

  private read(): z.output<typeof Stored> | undefined {
    if (!existsSync(this.path)) return undefined
    return Stored.parse(JSON.parse(readFileSync(this.path, 'utf8')))
  }
}
