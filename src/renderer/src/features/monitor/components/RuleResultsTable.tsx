import type { JSX } from 'react'
import Radio from '@mui/material/Radio'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useTranslation } from 'react-i18next'
import type { RuleBacktest } from '@shared/escalation/backtestSchema'
import type { RuleDismissals } from '@shared/escalation/dismissalTally'
import type { RuleId } from '@shared/escalation/rules'
import { numberFormat } from '@renderer/i18n'
import { formatScore } from './formatScore'

/** Reasons shown per rule; the rest are in the alert log. */
const SHOWN_REASONS = 3

interface RuleResultsTableProps {
  rows: RuleBacktest[]
  selected: RuleBacktest['rule']
  onSelect: (rule: RuleBacktest['rule']) => void
  /** Live alerts supervisors dismissed, per rule, with their reasons. */
  dismissals: Partial<Record<RuleId, RuleDismissals>>
}

/**
 * Precision and recall per rule (and all together), beside how often its live alerts were
 * dismissed and why: the two ways a rule is tuned. Choosing a row shows its matrix.
 */
export function RuleResultsTable({
  rows,
  selected,
  onSelect,
  dismissals
}: RuleResultsTableProps): JSX.Element {
  const { t } = useTranslation('monitor')
  const n = (value: number): string => numberFormat().format(value)
  return (
    <Table size="small" data-testid="rule-results">
      <caption style={{ captionSide: 'top', padding: 0, height: 0, overflow: 'hidden' }}>
        {t('results.caption')}
      </caption>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell scope="col">{t('results.rule')}</TableCell>
          <TableCell scope="col" align="right">
            {t('results.judged')}
          </TableCell>
          <TableCell scope="col" align="right">
            {t('results.flagged')}
          </TableCell>
          <TableCell scope="col" align="right">
            {t('results.precision')}
          </TableCell>
          <TableCell scope="col" align="right">
            {t('results.recall')}
          </TableCell>
          <TableCell scope="col">{t('results.dismissed')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const flagged = row.cells.tp.count + row.cells.fp.count
          const label = t(`rules.${row.rule}`)
          const dismissed = row.rule === 'combined' ? undefined : dismissals[row.rule]
          return (
            <TableRow
              key={row.rule}
              hover
              selected={row.rule === selected}
              onClick={() => onSelect(row.rule)}
              data-testid={`rule-row-${row.rule}`}
              sx={{ cursor: 'pointer', opacity: row.enabled ? 1 : 0.5 }}
            >
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  checked={row.rule === selected}
                  slotProps={{ input: { 'aria-label': t('results.showMatrix', { rule: label }) } }}
                />
              </TableCell>
              <TableCell
                component="th"
                scope="row"
                sx={{ fontWeight: row.rule === 'combined' ? 600 : 400 }}
              >
                {label}
                {!row.enabled && t('results.off')}
              </TableCell>
              <TableCell align="right">
                {n(row.evaluated)}
                {row.notEvaluated > 0 && t('results.notApplicable', { n: n(row.notEvaluated) })}
              </TableCell>
              <TableCell align="right">{n(flagged)}</TableCell>
              <TableCell align="right" data-testid={`precision-${row.rule}`}>
                {formatScore(row.precision)}
              </TableCell>
              <TableCell align="right" data-testid={`recall-${row.rule}`}>
                {formatScore(row.recall)}
              </TableCell>
              <TableCell data-testid={`dismissed-${row.rule}`}>
                {dismissed ? n(dismissed.dismissed) : row.rule === 'combined' ? '' : n(0)}
                {dismissed && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {dismissed.reasons
                      .slice(0, SHOWN_REASONS)
                      .map((r) => t('results.reason', { reason: r.reason, n: n(r.count) }))
                      .join(' · ')}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
