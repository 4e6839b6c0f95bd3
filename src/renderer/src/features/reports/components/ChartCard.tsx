import { memo, useId, useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import DownloadIcon from '@mui/icons-material/Download'
import Box from '@mui/material/Box'
import FormControlLabel from '@mui/material/FormControlLabel'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import type { ChartSpec } from '../charts/chartSpec'
import type { DrillTarget } from '../drillDown'
import { ChartTable } from './ChartTable'
import { ReportChart } from './ReportChart'
import { saveCanvasAsPng } from './saveCanvasAsPng'

interface ChartCardProps {
  spec: ChartSpec
  onDrill: ((target: DrillTarget) => void) | null
  /** Sessions behind the figures the spec was built from (stamped on the canvas once drawn). */
  sessions: number
}

const CHART_HEIGHT = 260

/** A titled chart (its question), its units, and a switch to read it as a table instead. */
export const ChartCard = memo(function ChartCard({
  spec,
  onDrill,
  sessions
}: ChartCardProps): JSX.Element {
  const { t } = useTranslation('reports')
  const [asTable, setAsTable] = useState(false)
  const titleId = useId()
  const chartBox = useRef<HTMLDivElement>(null)
  const surface = useTheme().palette.background.paper
  const savePng = (): void => {
    const canvas = chartBox.current?.querySelector('canvas')
    if (canvas) saveCanvasAsPng(canvas, `outdoorgear-${spec.id}.png`, surface)
  }
  const drill = spec.drill ? onDrill : null
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      data-testid={`chart-${spec.id}`}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1, minWidth: 0 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id={titleId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {spec.question}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p">
            {spec.caption}
          </Typography>
        </Box>
        <FormControlLabel
          control={<Switch size="small" checked={asTable} onChange={(_, on) => setAsTable(on)} />}
          label={t('chart.showAsTable')}
          slotProps={{ typography: { variant: 'caption', noWrap: true } }}
          sx={{ mr: 0, flexShrink: 0 }}
        />
        {!asTable && !spec.empty && (
          <Tooltip title={t('chart.savePng')}>
            <IconButton
              size="small"
              aria-label={t('chart.savePngOf', { question: spec.question })}
              onClick={savePng}
            >
              <DownloadIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {spec.empty ? (
        <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {spec.empty}
        </Typography>
      ) : asTable ? (
        <Box sx={{ maxHeight: CHART_HEIGHT + 80, overflow: 'auto' }}>
          <ChartTable spec={spec} onDrill={drill} />
        </Box>
      ) : (
        <Box ref={chartBox} sx={{ position: 'relative', height: CHART_HEIGHT }}>
          <ReportChart spec={spec} onDrill={drill} sessions={sessions} />
        </Box>
      )}
    </Paper>
  )
})
