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
}

export const ColorSchemeContext = createContext<ColorSchemeState | null>(null)

/** The colour-scheme choice and the scheme shown; only inside AppThemeProvider. */
export function useColorSchemeChoice(): ColorSchemeState {
  const state = useContext(ColorSchemeContext)
  if (!state) throw new Error('useColorSchemeChoice outside AppThemeProvider')
  return state
}
