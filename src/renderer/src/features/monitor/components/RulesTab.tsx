import { useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useUnsavedChanges } from '@renderer/app/unsavedChanges'
import { useRequest } from '@renderer/app/useRequest'
import { numberFormat } from '@renderer/i18n'
import { tallyDismissals } from '@shared/escalation/dismissalTally'
import type { RuleBacktest } from '@shared/escalation/backtestSchema'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { useRulesBacktest } from '../hooks/useRulesBacktest'
import { ConfusionMatrix } from './ConfusionMatrix'
import { RuleResultsTable } from './RuleResultsTable'
import { RulesSourceNote } from './RulesSourceNote'
import { ThresholdFields } from './ThresholdFields'

/** Thresholds, a backtest over the recorded sessions, and the sessions behind each verdict. */
export function RulesTab({
  onOpenSessions
}: {
  onOpenSessions: (filter: SessionFilter) => void
}): JSX.Element {
  const { t } = useTranslation('monitor')
  const n = (value: number): string => numberFormat().format(value)
  const backtest = useRulesBacktest()
  useUnsavedChanges(backtest.unsaved, t('rulesTab.unsavedLeave'))
  // The latest dismissals; a failed read leaves the column at zero rather than the tab broken.
  const dismissed = useRequest('alerts.actions', { action: 'dismiss', limit: 5000 })
  const dismissals = tallyDismissals(dismissed.data ?? [])
  const [selected, setSelected] = useState<RuleBacktest['rule']>('interruptions_total')
  const { draft, result } = backtest
  const invalid = Object.keys(backtest.problems).length > 0
  const rows = result ? [...result.rules, result.combined] : []
  const shown = rows.find((r) => r.rule === selected)
  return (
    <Stack spacing={2} data-testid="rules-tab">
      {backtest.error && <IpcErrorAlert error={backtest.error} onClose={backtest.clearError} />}
      {backtest.rules && <RulesSourceNote rules={backtest.rules} />}
      {draft && (
        <ThresholdFields value={draft} problems={backtest.problems} onChange={backtest.setDraft} />
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          variant="contained"
          onClick={backtest.run}
          disabled={!draft || invalid || backtest.running}
        >
          {t('rulesTab.run')}
        </Button>
        <Button onClick={backtest.save} disabled={!backtest.unsaved || invalid || backtest.saving}>
          {t('rulesTab.save')}
        </Button>
        {backtest.unsaved && (
          <Typography variant="caption" color="text.secondary">
            {t('rulesTab.unsaved')}
          </Typography>
        )}
      </Stack>
      {backtest.running && <LinearProgress aria-label={t('rulesTab.running')} />}
      {result && (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="backtest-summary">
            {t('rulesTab.summary', {
              sessions: n(result.sessions),
              turnLevel: n(result.turnLevel),
              sessionLevel: n(result.sessionLevel),
              actual: result.actual
            })}
          </Typography>
          {result.notes.map((note) => (
            <Alert key={note} severity="info">
              {note}
            </Alert>
          ))}
          <Paper sx={{ p: 1 }}>
            <RuleResultsTable
              rows={rows}
              selected={selected}
              onSelect={setSelected}
              dismissals={dismissals}
            />
          </Paper>
          {shown && (
            <ConfusionMatrix
              result={shown}
              onOpen={(sessionIds) => onOpenSessions({ sessionIds })}
            />
          )}
        </>
      )}
    </Stack>
  )
}
