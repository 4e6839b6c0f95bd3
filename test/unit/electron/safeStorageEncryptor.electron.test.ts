import { describe, expect, it, vi } from 'vitest'

const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${plain}`)),
  decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace('sealed:', ''))
}
vi.mock('electron', () => ({ safeStorage }))

const { safeStorageEncryptor } =
  await import('../../../src/main/secrets/safeStorageEncryptor.electron')

describe('safeStorageEncryptor', () => {
  it('trusts a Linux secret service, and the OS store elsewhere', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      safeStorage.getSelectedStorageBackend.mockReturnValue(backend)
      const linux = safeStorageEncryptor('linux')
      expect(linux.unavailableReason()).toBeNull()
      expect(linux.backend).toBe(backend)
    }
    const mac = safeStorageEncryptor('darwin')
    expect(mac.unavailableReason()).toBeNull()
    expect(mac.backend).toBe('os')
    expect(mac.decrypt(mac.encrypt('sk-test'))).toBe('sk-test')
  })

  it("refuses Linux's plain-text backend, and a backend not chosen yet", () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text')
    expect(safeStorageEncryptor('linux').unavailableReason()).toMatch(/plain text/)
    safeStorage.getSelectedStorageBackend.mockReturnValue('unknown')
    expect(safeStorageEncryptor('linux').unavailableReason()).toMatch(/not chosen/)
  })

  it('refuses when the OS offers no encryption at all', () => {
    safeStorage.isEncryptionAvailable.mockReturnValueOnce(false)
    expect(safeStorageEncryptor('win32').unavailableReason()).toMatch(/no encryption/)
  })
})
