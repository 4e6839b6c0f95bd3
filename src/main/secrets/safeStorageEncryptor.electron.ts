import { safeStorage } from 'electron'
import type { Encryptor } from './Encryptor'

/**
 * Electron's safeStorage. On Linux a "basic_text" backend is plain text in disguise (a key
 * built into Chromium), and "unknown" means no backend was chosen yet: both are refused.
 */
export function safeStorageEncryptor(platform: NodeJS.Platform = process.platform): Encryptor {
  const backend = (): string =>
    platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  return {
    get backend() {
      return backend()
    },
    unavailableReason() {
      if (!safeStorage.isEncryptionAvailable())
        return 'the operating system offers no encryption for this app (no keychain or secret service is running)'
      const selected = backend()
      if (selected === 'basic_text')
        return 'no secret service (GNOME Keyring or KWallet) is running, and Electron would store the key in plain text'
      if (selected === 'unknown')
        return 'Electron has not chosen a secret service yet, so the key could end up in plain text'
      return null
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher)
  }
}
