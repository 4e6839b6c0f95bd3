import type { JSX } from 'react'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Paper from '@mui/material/Paper'
import { alpha } from '@mui/material/styles'
import Typography from '@mui/material/Typography'
import type { Cell, RuleBacktest } from '@shared/escalation/backtestSchema'

const CELL_TEXT: Record<Cell, { name: string; says: string }> = {
  tp: { name: 'True positives', says: 'flagged and negative' },
  fp: { name: 'False positives', says: 'flagged, not negative' },
  fn: { name: 'Missed', says: 'negative, not flagged' },
  tn: { name: 'True negatives', says: 'not flagged, not negative' }
}

interface ConfusionMatrixProps {
  result: RuleBacktest
  onOpen: (sessionIds: string[]) => void
}

/** The 2×2 matrix of a rule against negative sentiment; a cell opens its sessions. */
export function ConfusionMatrix({ result, onOpen }: ConfusionMatrixProps): JSX.Element {
  const cell = (id: Cell): JSX.Element => {
    const tally = result.cells[id]
    const good = id === 'tp' || id === 'tn'
    return (
      <ButtonBase
        data-testid={`matrix-cell-${id}`}
        disabled={tally.count === 0}
        onClick={() => onOpen(tally.sessionIds)}
        aria-label={`Open the ${tally.count} sessions ${CELL_TEXT[id].says} in Sessions`}
        sx={(theme) => {
          const tone = good ? theme.palette.success.main : theme.palette.warning.main
          return {
            p: 2,
            borderRadius: 2,
            flexDirection: 'column',
            alignItems: 'flex-start',
            border: 1,
            borderColor: alpha(tone, 0.5),
            bgcolor: alpha(tone, 0.08),
            '&:hover': { bgcolor: alpha(tone, 0.16) },
            '&.Mui-disabled': { opacity: 0.6 },
            textAlign: 'left'
          }
        }}
      >
        <Typography variant="h4" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {tally.count}
        </Typography>
        <Typography variant="subtitle2" component="span">
          {CELL_TEXT[id].name}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="span">
          {CELL_TEXT[id].says}
          {tally.count > tally.sessionIds.length && ` · opens the first ${tally.sessionIds.length}`}
        </Typography>
      </ButtonBase>
    )
  }
  const header = (text: string): JSX.Element => (
    <Typography
      variant="caption"
      color="text.secondary"
      sx={{ fontWeight: 600, alignSelf: 'center' }}
    >
      {text}
    </Typography>
  )
  return (
    <Paper
      sx={{ p: 2 }}
      component="section"
      aria-labelledby="matrix-title"
      data-testid="confusion-matrix"
    >
      <Typography id="matrix-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {result.label} vs negative sentiment
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
        {result.evaluated} sessions judged. Click a cell to open its sessions.
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'auto minmax(180px, 1fr) minmax(180px, 1fr)',
          gap: 1,
          maxWidth: 560
        }}
      >
        <span />
        {header('Negative')}
        {header('Not negative')}
        {header('Flagged')}
        {cell('tp')}
        {cell('fp')}
        {header('Not flagged')}
        {cell('fn')}
        {cell('tn')}
      </Box>
    </Paper>
  )
}
