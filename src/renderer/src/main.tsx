import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { AppShell } from './app/AppShell'
import { theme } from './app/theme'
import { initI18n } from './i18n'

const i18n = initI18n()
document.documentElement.lang = i18n.resolvedLanguage ?? 'en'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AppShell />
    </ThemeProvider>
  </StrictMode>
)
