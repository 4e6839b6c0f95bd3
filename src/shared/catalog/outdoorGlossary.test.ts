import { describe, expect, it } from 'vitest'
import { coverageText, expandQuery } from './outdoorGlossary'

describe('glossary expansion', () => {
  it('adds English terms for Spanish and French phrases and keeps the query', () => {
    expect(expandQuery('botas impermeables')).toMatch(/^botas impermeables .*boots/)
    expect(expandQuery('waterproof boots')).toBe('waterproof boots')
  })

  it('asks a match to cover the English terms and the untranslated words only', () => {
    const text = coverageText('botas impermeables para mujer')
    expect(text).toContain('boots')
    expect(text).not.toContain('botas')
    expect(coverageText('a tent for two')).toBe('a tent for two')
  })
})
