import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import { FAILED_REASONS } from '@shared/ipc/result'
import { IpcError } from './ipc'
import { IpcErrorAlert } from './IpcErrorAlert'

const refused = new IpcError('sessions.list', {
  code: 'invalid_input',
  message: 'Invalid input for sessions.list',
  issues: [
    {
      path: 'limit',
      message: 'Too big: expected number to be <=500',
      code: 'too_big',
      params: { limit: 500, inclusive: true }
    },
    {
      path: 'ratio',
      message: 'Too small: expected number to be >0.5',
      code: 'too_small',
      params: { limit: 0.5, inclusive: false }
    },
    { path: 'sort.direction', message: 'Invalid option: expected one of "asc"|"desc"' }
  ]
})
const failed = new IpcError('app.info', { code: 'failed', message: 'database is locked' })
const shown = () => screen.getByTestId('ipc-error').textContent

describe('IpcErrorAlert', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it("shows a refused request in English exactly as main's dispatch words it", () => {
    render(<IpcErrorAlert error={refused} />)
    expect(shown()).toBe(
      'Request was not valid' +
        'Invalid input for sessions.list' +
        'limit: Too big: expected number to be <=500' +
        'ratio: Too small: expected number to be >0.5' +
        'sort.direction: Invalid option: expected one of "asc"|"desc"'
    )
  })

  it('says it in Spanish, with a decimal comma, keeping zod English it has no words for', async () => {
    await i18next.changeLanguage('es')
    render(<IpcErrorAlert error={refused} />)
    const items = screen.getAllByRole('listitem').map((item) => item.textContent)
    expect(items).toEqual([
      'limit: Demasiado grande: debe ser 500 como máximo',
      'ratio: Demasiado pequeño: debe ser mayor que 0,5',
      'sort.direction: Invalid option: expected one of "asc"|"desc"'
    ])
    expect(screen.getByText('Datos no válidos para sessions.list'))
  })

  it("keeps a handler's own words, which main writes in English", async () => {
    await i18next.changeLanguage('fr')
    render(<IpcErrorAlert error={failed} />)
    expect(shown()).toContain('database is locked')
  })

  it("words a handler's fixed sentence in the UI language", async () => {
    // What main's dispatch sends when an import token is stale (test/unit/ipc/failedReasons).
    const stale = new IpcError('catalog.import', {
      code: 'failed',
      message: FAILED_REASONS.fileNoLongerSelected
    })
    for (const [language, title, sentence] of [
      ['en', 'Something went wrong', 'That file is no longer selected: choose it again'],
      ['es', 'Algo salió mal', 'Ese archivo ya no está seleccionado: vuelva a elegirlo'],
      [
        'fr',
        'Une erreur est survenue',
        "Ce fichier n'est plus sélectionné\u00a0: choisissez-le à nouveau"
      ]
    ] as const) {
      await i18next.changeLanguage(language)
      const { unmount } = render(<IpcErrorAlert error={stale} />)
      expect(shown()).toBe(title + sentence)
      unmount()
    }
  })
})
