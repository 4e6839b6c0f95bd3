/**
 * Encrypts secrets at rest with a key the OS holds (Electron's safeStorage: Keychain, DPAPI,
 * libsecret/kwallet). `unavailableReason` is null when encryption can be trusted, else why not.
 */
export interface Encryptor {
  readonly backend: string
  unavailableReason(): string | null
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
}

/** Where no OS encryption exists at all: every attempt to store a key is refused with `reason`. */
export const noEncryption = (reason: string): Encryptor => ({
  backend: 'none',
  unavailableReason: () => reason,
  encrypt: () => {
    throw new Error(reason)
  },
  decrypt: () => {
    throw new Error(reason)
  }
})
