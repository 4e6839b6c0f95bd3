import { afterEach, describe, expect, it } from 'vitest'
import { i18next, labValueLabeller } from '@renderer/i18n'
import { SessionFilter } from '@shared/sessions/sessionQuery'
import { scenariosNamed } from './scenarioNamesInSearch'

const named = async (language: string, search: string): Promise<string[]> => {
  await i18next.changeLanguage(language)
  return scenariosNamed(search, labValueLabeller(i18next.getFixedT(null, 'common'), language))
}

describe('a search for a scenario by the name the table shows', () => {
  afterEach(async () => {
    await i18next.changeLanguage('en')
  })

  it('finds the codes whose full or short name holds the words, case and accents folded', async () => {
    expect(await named('es', 'queja')).toEqual(['complaint'])
    expect(await named('es', 'DEVOLUCION')).toEqual(['return_request'])
    expect(await named('fr', 'réclam')).toEqual(['complaint'])
    expect(await named('fr', 'question')).toEqual(['product_inquiry', 'faq'])
    expect(await named('en', 'general')).toEqual(['faq'])
  })

  it('names none for other words, blanks, or a code typed as stored', async () => {
    expect(await named('es', 'S03')).toEqual([])
    expect(await named('en', '   ')).toEqual([])
    // The code itself is found by the search as it always was (scenario LIKE), not by name.
    expect(await named('en', 'return_request')).toEqual([])
  })

  it('is bounded in what main accepts', () => {
    expect(SessionFilter.safeParse({ search: 'x', searchScenarios: ['faq'] }).success).toBe(true)
    const many = Array.from({ length: 21 }, (_, i) => `s${i}`)
    expect(SessionFilter.safeParse({ search: 'x', searchScenarios: many }).success).toBe(false)
    expect(SessionFilter.safeParse({ search: 'x', searchScenarios: [''] }).success).toBe(false)
  })
})
