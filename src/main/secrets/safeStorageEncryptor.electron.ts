import { safeStorage } from 'electron'
import type { Encryptor } from './Encryptor'

/** Electron's safeStorage; on Linux a "basic_text" backend is plain text in disguise: refused. */
export function safeStorageEncryptor(): Encryptor {
  const backend = (): string =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  return {
    get backend() {
      return backend()
    },
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable())
        return 'the operating system offers no encryption for this app (no keychain or secret service is running)'
      if (backend() === 'basic_text')
        return 'no secret service (GNOME Keyring or KWallet) is running, and Electron would store the key in plain text'
      return null
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher)
  }
}
