import { createTheme } from '@mui/material/styles'

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

/** The only theme: calm blues and greys so warnings and negative sentiment stand out. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#2b5d84' },
    secondary: { main: '#4f7a6a' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
    divider: '#dde3e9'
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: SYSTEM_FONT_STACK,
    button: { textTransform: 'none', fontWeight: 600 }
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
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
