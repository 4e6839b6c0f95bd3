import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES_DIR as LOCALES, localeLeaves, type LocaleTree } from '../../support/localeStrings'

// Every UI string exists in en, es and fr with the same placeholders, so a screen never mixes
// languages or shows a raw key.

const LANGUAGES = ['en', 'es', 'fr'] as const

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort()

const PLURAL = /_(zero|one|two|few|many|other)$/
/** Plural forms differ by language (French and Spanish have "many"): compare their base keys. */
const baseKeys = (keys: Iterable<string>): string[] =>
  [...new Set([...keys].map((key) => key.replace(PLURAL, '')))].sort()

const read = (language: string, file: string): Map<string, string> =>
  localeLeaves(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as LocaleTree)

describe('UI translations', () => {
  const namespaces = readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json'))

  it('have the same namespaces in every language', () => {
    for (const language of LANGUAGES)
      expect(readdirSync(join(LOCALES, language)).sort(), language).toEqual(namespaces.sort())
  })

  for (const file of namespaces)
    it(`${file}: same keys, no empty strings, same placeholders in es and fr`, () => {
      const english = read('en', file)
      for (const language of LANGUAGES.slice(1)) {
        const translated = read(language, file)
        expect(baseKeys(translated.keys()), `${language}/${file}`).toEqual(baseKeys(english.keys()))
        // Every plural has each form the language's plural rules can ask for.
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
        const plurals = new Set(
          [...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))
        )
        for (const base of plurals)
          for (const category of categories)
            expect(
              translated.has(`${base}_${category}`),
              `${language}/${file} ${base}_${category}`
            ).toBe(true)
        for (const [key, text] of translated) {
          expect(text.trim(), `${language}/${file} ${key}`).not.toBe('')
          const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'))
          expect(placeholders(text), `${language}/${file} ${key}`).toEqual(
            placeholders(source ?? '')
          )
        }
      }
    })
})
