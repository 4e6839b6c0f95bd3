import { act } from '@testing-library/react'

/**
 * A window.matchMedia that answers prefers-color-scheme from a switch the test flips, and tells
 * the listeners as Chromium does when the OS changes its setting (jsdom has no matchMedia).
 * Other queries never match. Returns the switch and the uninstaller.
 */
export function fakeSystemColorScheme(dark: boolean): {
  setDark: (next: boolean) => void
  restore: () => void
} {
  let isDark = dark
  const listeners = new Set<(event: MediaQueryListEvent) => void>()
  const matches = (query: string): boolean =>
    query.includes('prefers-color-scheme: dark') ? isDark : false
  const matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      get matches() {
        return matches(query)
      },
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.delete(listener),
      addListener: (listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
      removeListener: (listener: (event: MediaQueryListEvent) => void) =>
        listeners.delete(listener),
      onchange: null,
      dispatchEvent: () => true
    }) as unknown as MediaQueryList
  Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true })
  return {
    setDark: (next) => {
      isDark = next
      act(() => {
        for (const listener of [...listeners])
          listener({ matches: next, media: '(prefers-color-scheme: dark)' } as MediaQueryListEvent)
      })
    },
    restore: () => {
      Reflect.deleteProperty(window, 'matchMedia')
    }
  }
}
