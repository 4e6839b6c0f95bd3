import { useState, type JSX } from 'react'
import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { useGuardedLeave } from '@renderer/app/unsavedChanges'
import { OpenAlertsTab } from './OpenAlertsTab'
import { RulesTab } from './RulesTab'

type MonitorTab = 'alerts' | 'rules'

interface MonitorScreenProps {
  /** Shows the Sessions screen with this filter (a confusion-matrix cell's sessions). */
  onOpenSessions: (filter: SessionFilter) => void
}

/** Open alerts across calls, and the escalation rules with their backtest. */
export function MonitorScreen({ onOpenSessions }: MonitorScreenProps): JSX.Element {
  const { t } = useTranslation('monitor')
  const [tab, setTab] = useState<MonitorTab>('alerts')
  // The Rules tab's edits go with it: switching tabs asks first, like leaving the screen.
  const guard = useGuardedLeave()
  return (
    <Box
      data-testid="monitor-screen"
      sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' }}
    >
      <Box sx={{ px: 2, pt: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="h5" component="h1">
          {t('screen.title')}
        </Typography>
        <Tabs
          value={tab}
          onChange={(_, next: MonitorTab) => guard(() => setTab(next))}
          aria-label={t('screen.tabs')}
        >
          <Tab value="alerts" label={t('screen.alerts')} id="monitor-tab-alerts" />
          <Tab value="rules" label={t('screen.rules')} id="monitor-tab-rules" />
        </Tabs>
      </Box>
      <Box
        role="tabpanel"
        aria-labelledby={`monitor-tab-${tab}`}
        sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}
      >
        {tab === 'alerts' ? <OpenAlertsTab /> : <RulesTab onOpenSessions={onOpenSessions} />}
      </Box>
    </Box>
  )
}
