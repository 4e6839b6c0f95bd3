import { afterEach, describe, expect, it } from 'vitest'
import { i18next, labValueLabeller } from '@renderer/i18n'

const labeller = async (language: string) => {
  await i18next.changeLanguage(language)
  return labValueLabeller(i18next.getFixedT(null, 'common'), language)
}

describe('the lab codes in the reader’s words', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en')
  })

  it('names every documented scenario, sentiment and source in en, es and fr', async () => {
    const seen = new Map<string, string[]>()
    for (const language of ['en', 'es', 'fr']) {
      const label = await labeller(language)
      const words = [
        ...['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq'].map((code) =>
          label('scenario', code)
        ),
        ...['positive', 'neutral', 'negative'].map((code) => label('sentiment', code)),
        ...['seed', 'import', 'live'].map((code) => label('source', code))
      ]
      // No code shows through, and no two codes share a word.
      expect(words.filter((word) => /_/.test(word))).toEqual([])
      expect(new Set(words).size).toBe(words.length)
      seen.set(language, words)
    }
    expect(seen.get('es')).not.toEqual(seen.get('en'))
    expect(seen.get('fr')).not.toEqual(seen.get('en'))
    expect((await labeller('es'))('scenario', 'return_request')).toBe('Solicitud de devolución')
    expect((await labeller('es'))('scenario', 'return_request', 'short')).toBe('Devolución')
    expect((await labeller('fr'))('sentiment', 'negative')).toBe('négatif')
  })

  it('names languages in the UI language, and "und" as unknown', async () => {
    expect((await labeller('en'))('language', 'es')).toBe('Spanish')
    expect((await labeller('fr'))('language', 'es')).toBe('espagnol')
    expect((await labeller('es'))('language', 'fr')).toBe('francés')
    expect((await labeller('es'))('language', 'und')).toBe('Desconocido')
  })

  it('shows values the lab does not document as stored', async () => {
    const label = await labeller('fr')
    expect(label('scenario', 'warranty_claim')).toBe('warranty_claim')
    expect(label('sentiment', 'mixed')).toBe('mixed')
    expect(label('source', 'crm')).toBe('crm')
    expect(label('language', 'english')).toBe('english')
    expect(label('language', '')).toBe('')
  })
})
