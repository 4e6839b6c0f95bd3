import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CatalogStatus } from '@shared/catalog/catalogStatus'
import { FAILED_REASONS } from '@shared/ipc/result'
import { i18next } from '@renderer/i18n'
import { catalogStatus } from '@renderer/test/catalogStatus'
import { mockApi } from '@renderer/test/mockApi'
import { CatalogIndexPanel } from './CatalogIndexPanel'

const failedWith = (error: string): CatalogStatus =>
  catalogStatus(
    {
      provider: 'openai-text-embedding-3-small-512',
      state: 'failed',
      products: 0,
      passages: 0,
      builtAt: null,
      lastRun: null,
      error
    },
    'lexical'
  )
const alert = (): string | null => screen.getByRole('alert').textContent

describe('CatalogIndexPanel: a failed index', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it("says main's missing-key sentence in English exactly as main writes it", () => {
    mockApi({})
    render(<CatalogIndexPanel status={failedWith(FAILED_REASONS.noOpenAiKey)} progress={null} />)
    expect(alert()).toBe(
      'Indexing failed: No OpenAI API key is set: add one in Settings, or use the offline provider. ' +
        "Until it succeeds the agent's tools use lexical search."
    )
  })

  it('says it in French, with the source counts in French digits', async () => {
    await i18next.changeLanguage('fr')
    mockApi({})
    render(<CatalogIndexPanel status={failedWith(FAILED_REASONS.noOpenAiKey)} progress={null} />)
    expect(alert()).toContain(
      "Aucune clé d'API OpenAI n'est définie\u00a0: ajoutez-en une dans les Réglages ou utilisez le fournisseur hors ligne. Tant"
    )
    expect(alert()).toMatch(/^Échec de l'indexation/)
    expect(screen.getByText(/^1\s250$/)).toBeTruthy()
  })

  it("keeps a service's own error text as it came", async () => {
    await i18next.changeLanguage('es')
    mockApi({})
    render(<CatalogIndexPanel status={failedWith('429 Rate limit reached')} progress={null} />)
    expect(alert()).toBe(
      'La indexación falló: 429 Rate limit reached. Hasta que funcione, las herramientas del agente usan la búsqueda léxica.'
    )
  })
})

describe('CatalogIndexPanel: building', { timeout: 60_000 }, () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })
  const building = (): CatalogStatus => {
    const status = failedWith('')
    return {
      ...status,
      index: { ...status.index, provider: 'use-lite-512-words', state: 'building', error: null }
    }
  }

  it('shows the offline provider learning its words at first start, in each language', async () => {
    mockApi({})
    const progress = { phase: 'words', done: 1024, total: 4644 } as const
    const { rerender } = render(<CatalogIndexPanel status={building()} progress={progress} />)
    expect(Number(screen.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeCloseTo(22, 0)
    expect(
      screen.getByText('Learning word vectors from the offline model: 1,024 of 4,644 words')
    ).toBeTruthy()
    // Spanish groups thousands from five digits on (CLDR): 1024, but 10.240.
    await i18next.changeLanguage('es')
    rerender(<CatalogIndexPanel status={building()} progress={progress} />)
    expect(
      screen.getByText(
        /^Aprendiendo vectores de palabras del modelo sin conexión: 1024 de 4644 palabras$/
      )
    ).toBeTruthy()
  })
})

describe('CatalogIndexPanel: a build just finished', { timeout: 60_000 }, () => {
  afterEach(cleanup)

  it('shows a full bar and says so while the hold lasts, nothing after', () => {
    mockApi({})
    const ready: CatalogStatus = {
      ...failedWith(''),
      index: { ...failedWith('').index, state: 'ready', error: null }
    }
    const { rerender } = render(<CatalogIndexPanel status={ready} progress={null} justFinished />)
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100')
    expect(screen.getByText('Done: the index is up to date.')).toBeTruthy()
    rerender(<CatalogIndexPanel status={ready} progress={null} justFinished={false} />)
    expect(screen.queryByRole('progressbar')).toBeNull()
  })
})
