import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Encryptor } from '../../src/main/secrets/Encryptor'

/**
 * The browser harness has no Electron safeStorage: keys are sealed with AES-256-GCM under a
 * random key that lives only in this process's memory, so they are unreadable after it exits
 * (and a harness restart forgets them). Dev and test only; never packaged.
 */
export function ephemeralEncryptor(): Encryptor {
  const key = randomBytes(32)
  return {
    backend: 'harness-ephemeral-aes-gcm',
    unavailableReason: () => null,
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12))
      decipher.setAuthTag(sealed.subarray(12, 28))
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString(
        'utf8'
      )
    }
  }
}
