import { describe, expect, it } from 'vitest'
import { initialUiLanguage } from './uiLanguage'

describe('initial UI language', () => {
  it('prefers the stored pick, then the first supported system language, then English', () => {
    expect(initialUiLanguage('fr', ['es-MX'])).toBe('fr')
    expect(initialUiLanguage(null, ['de-DE', 'es-MX', 'fr'])).toBe('es')
    expect(initialUiLanguage('klingon', ['FR-ca'])).toBe('fr')
    expect(initialUiLanguage(null, ['de', 'pt-BR'])).toBe('en')
    expect(initialUiLanguage(null, [])).toBe('en')
  })
})
