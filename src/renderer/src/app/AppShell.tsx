import { useCallback, useState, type JSX } from 'react'
import Box from '@mui/material/Box'
import { CatalogScreen } from '@renderer/features/catalog'
import { LiveCallScreen } from '@renderer/features/live-call'
import { MonitorScreen } from '@renderer/features/monitor'
import { ReportsScreen } from '@renderer/features/reports'
import { SessionsScreen, showSessionsFiltered, type DrillSource } from '@renderer/features/sessions'
import { SettingsScreen } from '@renderer/features/settings'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { LiveCallsScreen } from '@renderer/features/wallboard'
import { AlertToast } from './AlertToast'
import { AppFooter } from './AppFooter'
import { NavigationRail, type ScreenId } from './NavigationRail'
import { OutboxBanner } from './OutboxBanner'
import { useGuardedLeave } from './unsavedChanges'
import { UnsavedChangesProvider } from './UnsavedChangesProvider'
import { useRequest } from './useRequest'
import { useUnsettledAlerts } from './useUnsettledAlerts'

/** Rail on the left, the selected screen on the right, status line below. */
export function AppShell(): JSX.Element {
  return (
    <UnsavedChangesProvider>
      <Screens />
    </UnsavedChangesProvider>
  )
}

function Screens(): JSX.Element {
  const [screen, setScreen] = useState<ScreenId>('sessions')
  // Once opened, the live call stays mounted (hidden) so a call keeps running, and its audio
  // keeps playing, while the agent looks something up on another screen.
  const [liveOpened, setLiveOpened] = useState(false)
  // Every way off a screen (rail, toast, drill-down) asks first when it holds unsaved edits.
  const guard = useGuardedLeave()
  // The screen a drill-down left for Sessions: Sessions offers the way back while it is shown.
  const [drilledFrom, setDrilledFrom] = useState<DrillSource | null>(null)
  const select = useCallback(
    (next: ScreenId): void => {
      if (next === screen) return
      guard(() => {
        if (next === 'live') setLiveOpened(true)
        setDrilledFrom(null)
        setScreen(next)
      })
    },
    [guard, screen]
  )
  const openSessions = useCallback(
    (filter: SessionFilter): void =>
      guard(() => {
        showSessionsFiltered(filter)
        if (screen === 'reports' || screen === 'monitor') setDrilledFrom(screen)
        setScreen('sessions')
      }),
    [guard, screen]
  )
  const unsettled = useUnsettledAlerts()
  // Live calls is team mode's screen: offered when this run records on the team database.
  const { data: board } = useRequest('team.board', {})
  const hidden: ScreenId[] = board ? [] : ['wallboard']
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <NavigationRail
        selected={screen}
        onSelect={select}
        hidden={hidden}
        monitorBadge={unsettled}
      />
      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <OutboxBanner />
        <AlertToast screen={screen} onOpen={select} />
        <Box component="main" sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          {liveOpened && (
            <Box sx={{ flex: 1, minWidth: 0, display: screen === 'live' ? 'flex' : 'none' }}>
              <LiveCallScreen onOpenSettings={() => select('settings')} />
            </Box>
          )}
          {screen === 'wallboard' && <LiveCallsScreen />}
          {screen === 'sessions' && (
            <SessionsScreen
              onOpen={select}
              backTo={drilledFrom}
              onBack={() => drilledFrom && select(drilledFrom)}
            />
          )}
          {screen === 'catalog' && <CatalogScreen />}
          {screen === 'settings' && <SettingsScreen />}
          {screen === 'reports' && <ReportsScreen onOpenSessions={openSessions} />}
          {screen === 'monitor' && <MonitorScreen onOpenSessions={openSessions} />}
        </Box>
        <AppFooter />
      </Box>
    </Box>
  )
}
