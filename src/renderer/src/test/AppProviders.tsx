import type { JSX, ReactNode } from 'react'
import { AppThemeProvider } from '@renderer/app/AppThemeProvider'
import { UnsavedChangesProvider } from '@renderer/app/UnsavedChangesProvider'

/** What main.tsx and AppShell give every screen: the theme and its choice, the leave guard. */
export function AppProviders({ children }: { children: ReactNode }): JSX.Element {
  return (
    <AppThemeProvider>
      <UnsavedChangesProvider>{children}</UnsavedChangesProvider>
    </AppThemeProvider>
  )
}
