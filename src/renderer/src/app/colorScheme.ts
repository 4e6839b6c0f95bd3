import type { PaletteMode } from '@mui/material/styles'

/** What the user picked in Settings → Appearance: follow the system, or always light or dark. */
export const COLOR_SCHEME_CHOICES = ['system', 'light', 'dark'] as const
export type ColorSchemeChoice = (typeof COLOR_SCHEME_CHOICES)[number]

const STORAGE_KEY = 'ui-color-scheme'
/** The system's setting, as Chromium reports it (Electron: the OS's light/dark setting). */
export const PREFERS_DARK = '(prefers-color-scheme: dark)'

const isChoice = (value: string | null): value is ColorSchemeChoice =>
  (COLOR_SCHEME_CHOICES as readonly string[]).includes(value ?? '')

/** The stored pick, else "system": a console nobody has set up follows the computer. */
export function readColorSchemeChoice(): ColorSchemeChoice {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
    return isChoice(stored) ? stored : 'system'
  } catch {
    return 'system'
  }
}

/**
 * A display preference of this window, like the UI language: kept by the renderer, read before
 * the first paint (main's settings arrive later, which would flash the other scheme).
 */
export function storeColorSchemeChoice(choice: ColorSchemeChoice): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, choice)
  } catch {
    // Storage can be unavailable (private mode, tests): the pick then lasts for this run.
  }
}

export const resolveColorScheme = (choice: ColorSchemeChoice, systemDark: boolean): PaletteMode =>
  choice === 'system' ? (systemDark ? 'dark' : 'light') : choice
