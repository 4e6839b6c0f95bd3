import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  SECRET_NAMES,
  originOf,
  type SecretName,
  type StoredKeyOrigins
} from '../../shared/settings/keyOrigin'
import type { Encryptor } from './Encryptor'
import type { BoundKey } from './keyForRequest'

export { SECRET_NAMES, type SecretName }

export interface SecretsStatus extends StoredKeyOrigins {
  available: boolean
  backend: string
  /** Why keys cannot be stored, when they cannot. */
  reason: string | null
}

/** Raised instead of ever writing a key in plain text. */
export class SecretsUnavailableError extends Error {}

const FILE = 'secrets.json'

/**
 * One stored key: sealed (base64) and the origin it was entered for. A bare string is a key
 * stored before keys were bound; it has no origin until `bindUnbound` gives it one.
 */
type Entry = { sealed: string; origin: string } | string

/**
 * API keys, encrypted by the OS-held key and stored as base64 in the data folder, each with the
 * origin it may be sent to. Keys go in from the renderer but never come back out of main: only
 * `status()` crosses IPC, and `get()` decrypts only through `keyForRequest`.
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
    const entries = this.read()
    const reason = this.encryptor.unavailableReason()
    const each = <T>(value: (entry: Entry | undefined) => T): Record<SecretName, T> =>
      Object.fromEntries(SECRET_NAMES.map((n) => [n, value(entries[n])])) as Record<SecretName, T>
    return {
      available: reason === null,
      backend: this.encryptor.backend,
      reason,
      stored: each((entry) => entry !== undefined),
      origins: each((entry) => (entry === undefined ? null : originOfEntry(entry)))
    }
  }

  /** Stores a key for the origin it was entered for (any URL on it; only its origin is kept). */
  set(name: SecretName, value: string, url: string): void {
    const reason = this.encryptor.unavailableReason()
    if (reason) throw new SecretsUnavailableError(`The key was not saved: ${reason}`)
    const sealed = this.encryptor.encrypt(value).toString('base64')
    this.write({ ...this.read(), [name]: { sealed, origin: originOf(url) } })
  }

  /** Main-only: the stored key and its origin, decrypted only by `keyForRequest`. */
  get(name: SecretName): BoundKey | undefined {
    const entry = this.read()[name]
    if (entry === undefined) return undefined
    const sealed = typeof entry === 'string' ? entry : entry.sealed
    return {
      origin: originOfEntry(entry),
      reveal: () => this.encryptor.decrypt(Buffer.from(sealed, 'base64'))
    }
  }

  /** Moves a stored key to another origin: only after the user confirmed that origin by name. */
  rebind(name: SecretName, url: string): void {
    const entry = this.read()[name]
    if (entry === undefined) throw new Error(`No ${name} key is stored`)
    const sealed = typeof entry === 'string' ? entry : entry.sealed
    this.write({ ...this.read(), [name]: { sealed, origin: originOf(url) } })
  }

  /**
   * Migration: binds keys stored before origins were kept to the origins given (the providers'
   * current endpoints). Keys with an origin are left alone; a key with none given stays unbound,
   * and an unbound key is never sent. Needs no decryption.
   */
  bindUnbound(origins: Partial<Record<SecretName, string>>): SecretName[] {
    const entries = this.read()
    const bound = SECRET_NAMES.filter(
      (n) => typeof entries[n] === 'string' && origins[n] !== undefined
    )
    if (bound.length === 0) return []
    for (const n of bound) entries[n] = { sealed: entries[n] as string, origin: origins[n]! }
    this.write(entries)
    return bound
  }

  delete(name: SecretName): void {
    const secrets = this.read()
    delete secrets[name]
    this.write(secrets)
  }

  private read(): Partial<Record<SecretName, Entry>> {
    if (!existsSync(this.path)) return {}
    return JSON.parse(readFileSync(this.path, 'utf8')) as Partial<Record<SecretName, Entry>>
  }

  private write(secrets: Partial<Record<SecretName, Entry>>): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(secrets), { mode: 0o600 })
    renameSync(`${this.path}.tmp`, this.path)
  }
}

const originOfEntry = (entry: Entry): string | null =>
  typeof entry === 'string' ? null : entry.origin
