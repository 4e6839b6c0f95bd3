import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { CatalogImportMenu } from './CatalogImportMenu'

const refusedProducts = ok({
  status: 'invalid',
  kind: 'products',
  fileName: 'products.csv',
  issues: [
    { row: 2, column: 'price', reason: 'not a number', code: 'catalogNotANumber' },
    {
      row: 3,
      column: 'id',
      reason: 'duplicate of row 2',
      code: 'catalogDuplicateOfRow',
      params: { row: 2 }
    },
    {
      row: 0,
      column: 'faqs',
      reason: 'Invalid input: expected array, received undefined'
    }
  ],
  totalIssues: 1234
})

async function importProducts(menuButton: string, productsItem: RegExp): Promise<string[]> {
  fireEvent.click(screen.getByRole('button', { name: menuButton }))
  fireEvent.click(await screen.findByRole('menuitem', { name: productsItem }))
  const list = await screen.findByTestId('catalog-import-issues')
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '')
}

describe('CatalogImportMenu', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it("lists a refused file's problems in English as main words them", async () => {
    mockApi({
      'catalog.pickImportFile': ok({ token: 't1', fileName: 'products.csv' }),
      'catalog.import': refusedProducts
    })
    render(<CatalogImportMenu />)
    expect(await importProducts('Import…', /^Products/)).toEqual([
      'row 2, column price: not a number',
      'row 3, column id: duplicate of row 2',
      'row 0, column faqs: Invalid input: expected array, received undefined'
    ])
  })

  it('lists them in French, keeping English only for a problem it has no words for', async () => {
    await i18next.changeLanguage('fr')
    mockApi({
      'catalog.pickImportFile': ok({ token: 't1', fileName: 'products.csv' }),
      'catalog.import': refusedProducts
    })
    render(<CatalogImportMenu />)
    expect(await importProducts('Importer…', /^Produits/)).toEqual([
      "ligne 2, colonne price\u00a0: n'est pas un nombre",
      'ligne 3, colonne id\u00a0: doublon de la ligne 2',
      'ligne 0, colonne faqs\u00a0: Invalid input: expected array, received undefined'
    ])
    // French groups thousands with a narrow no-break space.
    expect(
      screen.getByText(
        '1\u202f234 problèmes ; les produits en service restent inchangés. Les 3 premiers sont listés.',
        { normalizer: (text) => text }
      )
    )
  })

  it("copies the refused file's problems in the UI language", async () => {
    await i18next.changeLanguage('fr')
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    mockApi({
      'catalog.pickImportFile': ok({ token: 't1', fileName: 'products.csv' }),
      'catalog.import': refusedProducts
    })
    render(<CatalogImportMenu />)
    await importProducts('Importer…', /^Produits/)
    fireEvent.click(screen.getByRole('button', { name: 'Copier' }))
    await waitFor(() => expect(writeText).toHaveBeenCalledOnce())
    expect(writeText.mock.calls[0]![0].split('\n')).toEqual([
      i18next.t('catalog:import.notImported', { fileName: 'products.csv' }),
      '1\u202f234 problèmes ; les produits en service restent inchangés. Les 3 premiers sont listés.',
      '',
      "ligne 2, colonne price\u00a0: n'est pas un nombre",
      'ligne 3, colonne id\u00a0: doublon de la ligne 2',
      'ligne 0, colonne faqs\u00a0: Invalid input: expected array, received undefined',
      ''
    ])
    Reflect.deleteProperty(navigator, 'clipboard')
  })
})
