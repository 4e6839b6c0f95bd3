import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import en from '@renderer/i18n/locales/en/glossary.json'
import { AppProviders } from '@renderer/test/AppProviders'
import { GlossaryDialog } from './GlossaryDialog'
import { TermHelp } from './TermHelp'

afterEach(async () => {
  cleanup()
  await i18next.changeLanguage('en')
})

describe('plain-language help', () => {
  it('names the question and gives the meaning to keyboard and screen-reader users', async () => {
    render(
      <AppProviders>
        <TermHelp term="backchannel" />
      </AppProviders>
    )
    const button = screen.getByRole('button', { name: 'What does “Backchannel” mean?' })
    // Closed, the meaning is the button's description (its title); open, the tooltip says it.
    expect(button.getAttribute('title')).toMatch(/shows the caller is listening/)
    fireEvent.mouseOver(button)
    expect((await screen.findByRole('tooltip')).textContent).toMatch(
      /not counted as an interruption/
    )
  })

  it('asks and answers in the console language', async () => {
    await i18next.changeLanguage('fr')
    render(
      <AppProviders>
        <TermHelp term="echoSuspect" />
      </AppProviders>
    )
    const button = screen.getByRole('button', { name: 'Que veut dire « Écho suspect » ?' })
    expect(button.getAttribute('title')).toMatch(/haut-parleur/)
  })

  it('lists every term once, in the reader’s alphabetical order', async () => {
    await i18next.changeLanguage('es')
    render(
      <AppProviders>
        <GlossaryDialog open onClose={() => undefined} />
      </AppProviders>
    )
    const list = screen.getByTestId('glossary')
    const names = within(list)
      .getAllByRole('term')
      .map((dt) => dt.textContent ?? '')
    expect(names).toHaveLength(Object.keys(en.terms).length)
    expect(names).toEqual([...names].sort(new Intl.Collator('es').compare))
    expect(names).toContain('Posible eco')
    expect(screen.getByRole('dialog').textContent).toMatch(/palabras sencillas/)
  })
})
