import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useTheme } from '@mui/material/styles'
import { fakeSystemColorScheme } from '@renderer/test/fakeSystemColorScheme'
import { AppearanceFields } from '@renderer/features/settings/components/AppearanceFields'
import { AppThemeProvider } from './AppThemeProvider'
import { useColorSchemeChoice } from './useColorSchemeChoice'

/** What the screens get from the theme: its mode and page background. */
function ThemeProbe(): React.JSX.Element {
  const { palette } = useTheme()
  return (
    <output data-testid="probe" data-mode={palette.mode}>
      {palette.background.default}
    </output>
  )
}

const renderApp = (): void => {
  render(
    <AppThemeProvider>
      <ThemeProbe />
      <AppearanceFields />
    </AppThemeProvider>
  )
}
const radio = (name: string): HTMLInputElement =>
  screen.getByRole<HTMLInputElement>('radio', { name })
const mode = (): string | null => screen.getByTestId('probe').getAttribute('data-mode')

describe('AppThemeProvider', () => {
  let system: ReturnType<typeof fakeSystemColorScheme> | undefined
  afterEach(() => {
    cleanup()
    system?.restore()
    localStorage.clear()
  })

  it('follows the system on a fresh install, and changes the moment the system does', () => {
    system = fakeSystemColorScheme(true)
    renderApp()
    expect(mode()).toBe('dark')
    expect(screen.getByTestId('probe').textContent).toBe('#111418')
    expect(radio('System').checked).toBe(true)
    expect(screen.getByText(/\(now dark\)/))

    system.setDark(false)
    expect(mode()).toBe('light')
    expect(screen.getByTestId('probe').textContent).toBe('#f4f6f8')
    expect(screen.getByText(/\(now light\)/))
  })

  it('keeps a chosen scheme whatever the system does, and remembers it at the next start', () => {
    system = fakeSystemColorScheme(false)
    renderApp()
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }))
    expect(mode()).toBe('dark')
    system.setDark(true)
    system.setDark(false)
    expect(mode()).toBe('dark')

    cleanup()
    renderApp()
    expect(mode()).toBe('dark')
    expect(radio('Dark').checked).toBe(true)

    fireEvent.click(screen.getByRole('radio', { name: 'System' }))
    expect(mode()).toBe('light')
  })

  it('prints in light while dark is shown, and returns to dark once printed', async () => {
    system = fakeSystemColorScheme(true)
    let release = (): void => {}
    const printed = new Promise<void>((resolve) => (release = resolve))
    let seenWhilePrinting: string | null = null
    function PrintButton(): React.JSX.Element {
      const { whileLight } = useColorSchemeChoice()
      return (
        <button
          onClick={() =>
            void whileLight(async () => {
              seenWhilePrinting = mode()
              await printed
            })
          }
        >
          Print
        </button>
      )
    }
    render(
      <AppThemeProvider>
        <ThemeProbe />
        <PrintButton />
      </AppThemeProvider>
    )
    expect(mode()).toBe('dark')
    fireEvent.click(screen.getByRole('button', { name: 'Print' }))
    await waitFor(() => expect(seenWhilePrinting).toBe('light'))
    expect(mode()).toBe('light')
    release()
    await waitFor(() => expect(mode()).toBe('dark'))
    // A print is no choice: nothing is remembered.
    expect(localStorage.getItem('ui-color-scheme')).toBeNull()
  })

  it('ignores a stored value it does not know (an older or newer build wrote it)', () => {
    localStorage.setItem('ui-color-scheme', 'sepia')
    system = fakeSystemColorScheme(true)
    renderApp()
    expect(mode()).toBe('dark')
    expect(radio('System').checked).toBe(true)
  })
})
