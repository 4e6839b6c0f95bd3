import { useCallback, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import GlobalStyles from '@mui/material/GlobalStyles'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { useRequest } from '@renderer/app/useRequest'
import { useLabValueLabel } from '@renderer/i18n'
import type { SessionFilter } from '@shared/sessions/sessionQuery'
import { chartPaletteOf } from '../charts/chartPalette'
import { reportCharts } from '../charts/reportCharts'
import { sessionsFilterFor, type DrillTarget } from '../drillDown'
import { useReportsStore } from '../reportsStore'
import { AlertsSection } from './AlertsSection'
import { ChannelsSection } from './ChannelsSection'
import { ChartCard } from './ChartCard'
import { ChartGrid } from './ChartGrid'
import { FacetedFilterBar } from './FacetedFilterBar'
import { KpiCards } from './KpiCards'
import { ReportFilterBar } from './ReportFilterBar'
import { REPORT_PRINT_STYLES } from './reportPrintStyles'
import { SavePdfButton } from './SavePdfButton'

interface ReportsScreenProps {
  /** Shows the Sessions screen with exactly these filters (the click-through of every chart). */
  onOpenSessions: (filter: SessionFilter) => void
}

/** Supervisor reports: key figures and charts over the filtered sessions, aggregated in main. */
export function ReportsScreen({ onOpenSessions }: ReportsScreenProps): JSX.Element {
  const { t } = useTranslation('reports')
  const filter = useReportsStore((s) => s.filter)
  const [revision, setRevision] = useState(0)
  const refresh = useCallback(() => setRevision((r) => r + 1), [])
  useIpcEvent('sessions.changed', refresh)
  const summary = useRequest('reports.summary', { filter }, revision)
  const theme = useTheme()
  const palette = useMemo(() => chartPaletteOf(theme), [theme])
  const valueLabel = useLabValueLabel()
  const charts = useMemo(
    () => (summary.data ? reportCharts(summary.data, t, palette, valueLabel) : []),
    [summary.data, t, palette, valueLabel]
  )
  // Read at click time, so a filter change does not hand every chart a new callback (and
  // redraw all ten on the old figures before the new ones arrive).
  const filterNow = useRef(filter)
  useLayoutEffect(() => {
    filterNow.current = filter
  }, [filter])
  const onDrill = useCallback(
    (target: DrillTarget) => {
      onOpenSessions(sessionsFilterFor(filterNow.current, target))
    },
    [onOpenSessions]
  )

  return (
    <Box sx={{ flex: 1, minWidth: 0, overflow: 'auto' }} data-testid="reports-screen">
      <GlobalStyles styles={REPORT_PRINT_STYLES} />
      <Stack spacing={2} sx={{ p: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
            {t('screen.title')}
          </Typography>
          <SavePdfButton />
        </Stack>
        {summary.error && <IpcErrorAlert error={summary.error} onRetry={refresh} />}
        {summary.data || summary.error ? (
          <FacetedFilterBar revision={revision} onRetry={refresh} />
        ) : (
          <ReportFilterBar facets={undefined} />
        )}
        <KpiCards kpis={summary.data?.kpis} loading={summary.loading} />
        <ChartGrid>
          {charts.map((spec) => (
            <ChartCard
              key={spec.id}
              spec={spec}
              onDrill={onDrill}
              sessions={summary.data?.kpis.sessions ?? 0}
            />
          ))}
        </ChartGrid>
        <AlertsSection filter={filter} revision={revision} onDrill={onDrill} onRetry={refresh} />
        <ChannelsSection filter={filter} revision={revision} onRetry={refresh} />
      </Stack>
    </Box>
  )
}
