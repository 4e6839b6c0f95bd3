import { createContext, useContext } from 'react'
import type { PaletteMode } from '@mui/material/styles'
import type { ColorSchemeChoice } from './colorScheme'

export interface ColorSchemeState {
  choice: ColorSchemeChoice
  /** The scheme shown now: the choice, or the system's when the choice is "system". */
  mode: PaletteMode
  /** The system's own setting, to say what "System" means at the moment. */
  systemMode: PaletteMode
  choose: (choice: ColorSchemeChoice) => void
  /**
   * Runs `work` (printing) with the light theme, whatever the choice: a page printed in dark
   * wastes toner, and a browser that drops backgrounds would print the dark theme's light text
   * on white paper. The screen is light for as long as `work` takes.
   */
  whileLight: <T>(work: () => Promise<T>) => Promise<T>
}

export const ColorSchemeContext = createContext<ColorSchemeState | null>(null)

/** The colour-scheme choice and the scheme shown; only inside AppThemeProvider. */
export function useColorSchemeChoice(): ColorSchemeState {
  const state = useContext(ColorSchemeContext)
  if (!state) throw new Error('useColorSchemeChoice outside AppThemeProvider')
  return state
}
