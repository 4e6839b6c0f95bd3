import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import { catalogStatus } from '@renderer/test/catalogStatus'
import { mockApi, ok } from '@renderer/test/mockApi'
import { CatalogIndexPanel } from './CatalogIndexPanel'
import { CatalogSearchResults } from './CatalogSearchResults'

const status = catalogStatus()

describe('Catalog screen in Spanish and French', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it('shows search results in Spanish with Spanish prices and decimals', async () => {
    await i18next.changeLanguage('es')
    mockApi({
      'catalog.search': ok({
        products: [
          {
            sku: 'TB-X200',
            name: 'TrailBlazer X200',
            category: 'footwear',
            price_usd: 11189.99,
            in_stock: false,
            score: 0.0325
          }
        ],
        passages: [],
        ms: 12.34,
        retrieval: 'lexical'
      })
    })
    render(<CatalogSearchResults query="botas impermeables" refreshKey={0} />)
    const summary = await screen.findByTestId('catalog-search-time')
    expect(summary.textContent).toBe(
      '1 producto y 0 pasajes en 12,3 ms (búsqueda léxica con el glosario es/fr)'
    )
    const row = screen.getByTestId('catalog-product-hit')
    // Data (SKU, name, category) as stored; price, score and stock in Spanish.
    expect(row.textContent).toContain('TB-X200')
    expect(row.textContent).toContain('footwear')
    expect(row.textContent).toContain('0,0325')
    expect(row.textContent).toMatch(/11\.189,99\sUS\$/)
    expect(row.textContent).toContain('agotado')
    expect(screen.getByRole('table', { name: 'Productos encontrados' })).toBeTruthy()
    expect(screen.getByText('Ningún pasaje coincide.')).toBeTruthy()
  })

  it('describes the sources and the index in French', async () => {
    await i18next.changeLanguage('fr')
    mockApi({})
    render(<CatalogIndexPanel status={status} progress={null} />)
    await waitFor(() =>
      expect(screen.getByTestId('catalog-index-state').textContent).toBe('Index prêt')
    )
    expect(screen.getByText('1 250')).toBeTruthy()
    expect(screen.getByText('Produits · importés')).toBeTruthy()
    expect(
      screen.getByText(/use-lite-512-words : 1\s250 produits, 12 passages · recherche : hybride/)
    ).toBeTruthy()
    expect(screen.getByTestId('catalog-last-run').textContent).toBe(
      'Dernière exécution à 19:30:05 : 1\u202f262 vectorisés en 2,3 s'
    )
    expect(screen.getByRole('button', { name: "Reconstruire l'index" })).toBeTruthy()
  })
})
