import type { JSX, ReactNode } from 'react'
import { AppThemeProvider } from '@renderer/app/AppThemeProvider'

/** What main.tsx gives every screen: the theme and its choice. */
export function AppProviders({ children }: { children: ReactNode }): JSX.Element {
  return <AppThemeProvider>{children}</AppThemeProvider>
}
