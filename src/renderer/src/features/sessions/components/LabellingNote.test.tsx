import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import { LabellingNote } from './LabellingNote'

describe('LabellingNote: who labelled a recorded call', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('names the model, or the lexicons with the reason and the model error', () => {
    const { rerender } = render(
      <LabellingNote labels={{ by: 'model', model: 'gpt-4o-mini', reason: null, error: null }} />
    )
    expect(screen.getByTestId('labelled-by').textContent).toBe(
      'Sentiment and scenario labelled by gpt-4o-mini'
    )
    rerender(
      <LabellingNote
        labels={{
          by: 'lexicon',
          model: null,
          reason: 'model_failed',
          error: 'gpt-4o-mini: 500 The server had an error.'
        }}
      />
    )
    expect(screen.getByTestId('labelled-by').textContent).toBe(
      'Sentiment and scenario labelled by the offline lexicons — the labelling model failed' +
        'gpt-4o-mini: 500 The server had an error.'
    )
    rerender(<LabellingNote labels={null} />)
    expect(screen.queryByTestId('labelled-by')).toBeNull()
  })

  it('speaks Spanish and French', async () => {
    await i18next.changeLanguage('es')
    const { rerender } = render(
      <LabellingNote labels={{ by: 'lexicon', model: null, reason: 'no_key', error: null }} />
    )
    expect(screen.getByTestId('labelled-by').textContent).toBe(
      'Sentimiento y escenario etiquetados por los léxicos sin conexión — no había ninguna clave de API guardada para el proveedor'
    )
    await i18next.changeLanguage('fr')
    rerender(
      <LabellingNote labels={{ by: 'model', model: 'gpt-4o-mini', reason: null, error: null }} />
    )
    expect(screen.getByTestId('labelled-by').textContent).toBe(
      'Sentiment et scénario étiquetés par gpt-4o-mini'
    )
  })
})
