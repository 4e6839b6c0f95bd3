import type { JSX } from 'react'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Paper from '@mui/material/Paper'
import { alpha } from '@mui/material/styles'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { Cell, RuleBacktest } from '@shared/escalation/backtestSchema'
import { numberFormat } from '@renderer/i18n'

interface ConfusionMatrixProps {
  result: RuleBacktest
  onOpen: (sessionIds: string[]) => void
}

/** The 2×2 matrix of a rule against negative sentiment; a cell opens its sessions. */
export function ConfusionMatrix({ result, onOpen }: ConfusionMatrixProps): JSX.Element {
  const { t } = useTranslation('monitor')
  const n = (value: number): string => numberFormat().format(value)
  const cell = (id: Cell): JSX.Element => {
    const tally = result.cells[id]
    const good = id === 'tp' || id === 'tn'
    return (
      <ButtonBase
        data-testid={`matrix-cell-${id}`}
        disabled={tally.count === 0}
        onClick={() => onOpen(tally.sessionIds)}
        aria-label={t('matrix.open', { n: n(tally.count), says: t(`matrix.cells.${id}.says`) })}
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
          {n(tally.count)}
        </Typography>
        <Typography variant="subtitle2" component="span">
          {t(`matrix.cells.${id}.name`)}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="span">
          {t(`matrix.cells.${id}.says`)}
          {tally.count > tally.sessionIds.length &&
            t('matrix.firstOnly', { n: n(tally.sessionIds.length) })}
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
        {t('matrix.title', { rule: t(`rules.${result.rule}`) })}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
        {t('matrix.judged', { count: result.evaluated, n: n(result.evaluated) })}
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
        {header(t('matrix.negative'))}
        {header(t('matrix.notNegative'))}
        {header(t('matrix.flagged'))}
        {cell('tp')}
        {cell('fp')}
        {header(t('matrix.notFlagged'))}
        {cell('fn')}
        {cell('tn')}
      </Box>
    </Paper>
  )
}
