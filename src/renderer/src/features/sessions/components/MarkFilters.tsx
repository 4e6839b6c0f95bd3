import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Divider from '@mui/material/Divider'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { RULE_IDS } from '@shared/escalation/rules'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { alertChoiceOf, type AlertChoice } from '../sessionsStore'

type EscalatedChoice = 'any' | 'yes' | 'no'
const toEscalatedChoice = (escalated: boolean | undefined): EscalatedChoice =>
  escalated === undefined ? 'any' : escalated ? 'yes' : 'no'

interface MarkFiltersProps {
  filter: SessionFilter
  onEscalated: (escalated: boolean | undefined) => void
  onAlerts: (choice: AlertChoice) => void
}

/** Escalated yes/no, and alerts: any, none, or one rule's (the worst kind a call raised). */
export function MarkFilters({ filter, onEscalated, onAlerts }: MarkFiltersProps): JSX.Element {
  const { t } = useTranslation('sessions')
  const { t: tMonitor } = useTranslation('monitor')
  return (
    <>
      <TextField
        select
        size="small"
        label={t('filters.escalated')}
        value={toEscalatedChoice(filter.escalated)}
        onChange={(event) => {
          const choice = event.target.value as EscalatedChoice
          onEscalated(choice === 'any' ? undefined : choice === 'yes')
        }}
        slotProps={{ htmlInput: { 'data-testid': 'escalated-filter' } }}
        sx={{ minWidth: 120 }}
      >
        <MenuItem value="any">{t('filters.any')}</MenuItem>
        <MenuItem value="yes">{t('filters.yes')}</MenuItem>
        <MenuItem value="no">{t('filters.no')}</MenuItem>
      </TextField>
      <TextField
        select
        size="small"
        label={t('filters.alerts')}
        value={alertChoiceOf(filter)}
        onChange={(event) => onAlerts(event.target.value as AlertChoice)}
        slotProps={{ htmlInput: { 'data-testid': 'alerts-filter' } }}
        sx={{ minWidth: 150, maxWidth: 240 }}
      >
        <MenuItem value="any">{t('filters.any')}</MenuItem>
        <MenuItem value="with">{t('filters.alertsWith')}</MenuItem>
        <MenuItem value="without">{t('filters.alertsWithout')}</MenuItem>
        <Divider />
        {RULE_IDS.map((rule) => (
          <MenuItem key={rule} value={rule}>
            {tMonitor(`rules.${rule}`)}
          </MenuItem>
        ))}
      </TextField>
    </>
  )
}
