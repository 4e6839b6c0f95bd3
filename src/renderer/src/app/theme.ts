import { createTheme, type PaletteMode, type Theme } from '@mui/material/styles'

// The app runs offline, so no web fonts: the operating system's UI font.
const SYSTEM_FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif'
].join(',')

/**
 * Calm blues and greys so warnings and negative sentiment stand out. In dark, the same hues
 * lightened (the light theme's blue is too dark to read on a dark surface) over near-black
 * greys; error, warning, success and info keep MUI's dark variants.
 */
const PALETTES = {
  light: {
    primary: { main: '#2b5d84' },
    secondary: { main: '#4f7a6a' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
    divider: '#dde3e9'
  },
  dark: {
    primary: { main: '#8cb8e0' },
    secondary: { main: '#8dbfa9' },
    background: { default: '#111418', paper: '#1a1f25' },
    divider: '#2f3842'
  }
} as const

/** The app's theme in light or dark: one definition, so every screen changes together. */
export function createAppTheme(mode: PaletteMode): Theme {
  return createTheme({
    palette: { mode, ...PALETTES[mode] },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: SYSTEM_FONT_STACK,
      button: { textTransform: 'none', fontWeight: 600 }
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      // Where the keyboard is, on every control: MUI's focus ripple alone is too faint to follow.
      MuiButtonBase: {
        styleOverrides: {
          root: ({ theme }) => ({
            '&.Mui-focusVisible': {
              outline: `3px solid ${theme.palette.primary.main}`,
              outlineOffset: 2
            }
          })
        }
      },
      MuiPaper: { defaultProps: { variant: 'outlined' } },
      MuiTableCell: {
        styleOverrides: {
          head: ({ theme }) => ({
            fontWeight: 600,
            backgroundColor: theme.palette.background.paper,
            whiteSpace: 'nowrap'
          })
        }
      },
      MuiTooltip: { defaultProps: { arrow: true } }
    }
  })
}
