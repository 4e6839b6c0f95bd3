import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppShell } from './app/AppShell'
import { AppThemeProvider } from './app/AppThemeProvider'
import { initI18n } from './i18n'

const i18n = initI18n()
document.documentElement.lang = i18n.resolvedLanguage ?? 'en'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <AppThemeProvider>
      <AppShell />
    </AppThemeProvider>
  </StrictMode>
)
