import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { ChannelFigures } from '@shared/analytics/channelFigures'
import type { ReportFilter } from '@shared/analytics/reportSchemas'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { formatDurationMs, numberFormat } from '@renderer/i18n'

interface ChannelsSectionProps {
  filter: ReportFilter
  /** Bumped when sessions change, so the section refetches with the rest of the report. */
  revision: number
  onRetry: () => void
}

const COLUMNS = [
  'handled',
  'contained',
  'transferred',
  'abandoned',
  'averageHandle',
  'firstAction'
] as const

/**
 * Contact-center figures by channel (desk, phone, web) of the recorded calls under the report's
 * filters; each column head explains what it counts.
 */
export function ChannelsSection({ filter, revision, onRetry }: ChannelsSectionProps): JSX.Element {
  const { t } = useTranslation('reports')
  const { data, error, loading } = useRequest('reports.channels', { filter }, revision)
  const count = (value: number, of: number): string =>
    of === 0
      ? numberFormat().format(value)
      : `${numberFormat().format(value)} (${numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(value / of)})`
  const cells = (row: ChannelFigures): Record<(typeof COLUMNS)[number], string> => ({
    handled: numberFormat().format(row.handled),
    contained: count(row.contained, row.handled),
    transferred: count(row.transferred, row.handled),
    abandoned: count(row.abandoned, row.handled),
    averageHandle: row.averageHandleMs === null ? '—' : formatDurationMs(row.averageHandleMs),
    firstAction:
      row.medianFirstActionMs === null
        ? row.alerts > 0
          ? t('channels.noAction', { count: row.alerts })
          : '—'
        : formatDurationMs(row.medianFirstActionMs)
  })
  return (
    <Box component="section" aria-labelledby="report-channels-title" data-testid="report-channels">
      <Typography id="report-channels-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('channels.title')}
      </Typography>
      {error && <IpcErrorAlert error={error} onRetry={onRetry} />}
      {loading && !data && <LinearProgress aria-label={t('channels.loading')} />}
      {data && data.channels.length === 0 && (
        <Paper sx={{ p: 3 }} data-testid="report-channels-empty">
          <Typography color="text.secondary">{t('channels.empty')}</Typography>
        </Paper>
      )}
      {data && data.channels.length > 0 && (
        <TableContainer component={Paper}>
          <Table size="small" aria-labelledby="report-channels-title">
            <TableHead>
              <TableRow>
                <TableCell>{t('channels.column.channel')}</TableCell>
                {COLUMNS.map((column) => (
                  <TableCell key={column} align="right">
                    <Tooltip title={t(`channels.hint.${column}`)}>
                      <span tabIndex={0}>{t(`channels.column.${column}`)}</span>
                    </Tooltip>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.channels.map((row) => {
                const values = cells(row)
                return (
                  <TableRow key={row.channel} data-testid={`report-channel-${row.channel}`}>
                    <TableCell component="th" scope="row">
                      {t(`channels.name.${row.channel}`)}
                    </TableCell>
                    {COLUMNS.map((column) => (
                      <TableCell key={column} align="right">
                        {values[column]}
                      </TableCell>
                    ))}
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
        {t('channels.note')}
      </Typography>
    </Box>
  )
}
