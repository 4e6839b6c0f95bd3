import { useMemo, useState, type JSX, type ReactNode } from 'react'
import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import {
  PREFERS_DARK,
  readColorSchemeChoice,
  resolveColorScheme,
  storeColorSchemeChoice
} from './colorScheme'
import { createAppTheme } from './theme'
import { ColorSchemeContext, type ColorSchemeState } from './useColorSchemeChoice'

/**
 * The MUI theme in the scheme the user chose; "system" follows prefers-color-scheme live, so
 * the console turns dark the moment the OS does, without a restart.
 */
export function AppThemeProvider({ children }: { children: ReactNode }): JSX.Element {
  const [choice, setChoice] = useState(readColorSchemeChoice)
  const [printing, setPrinting] = useState(0)
  // noSsr: the first render already knows the system's scheme (no light flash in dark).
  const systemDark = useMediaQuery(PREFERS_DARK, { noSsr: true })
  const mode = printing > 0 ? 'light' : resolveColorScheme(choice, systemDark)
  const theme = useMemo(() => createAppTheme(mode), [mode])
  const state = useMemo(
    (): ColorSchemeState => ({
      choice,
      mode,
      systemMode: systemDark ? 'dark' : 'light',
      choose: (next) => {
        storeColorSchemeChoice(next)
        setChoice(next)
      },
      whileLight: async (work) => {
        setPrinting((n) => n + 1)
        try {
          // Two frames: React commits the light theme, then the charts are re-created in it.
          await nextFrame()
          await nextFrame()
          return await work()
        } finally {
          setPrinting((n) => n - 1)
        }
      }
    }),
    [choice, mode, systemDark]
  )
  return (
    <ColorSchemeContext.Provider value={state}>
      <ThemeProvider theme={theme}>
        {/* color-scheme on the page too: scrollbars and native controls follow the theme. */}
        <CssBaseline enableColorScheme />
        {children}
      </ThemeProvider>
    </ColorSchemeContext.Provider>
  )
}

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => resolve()))
