import type { JSX } from 'react'
import Radio from '@mui/material/Radio'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { RuleBacktest } from '@shared/escalation/backtestSchema'
import { formatScore } from './formatScore'

interface RuleResultsTableProps {
  rows: RuleBacktest[]
  selected: RuleBacktest['rule']
  onSelect: (rule: RuleBacktest['rule']) => void
}

/** Precision and recall per rule (and all together); choosing a row shows its matrix. */
export function RuleResultsTable({ rows, selected, onSelect }: RuleResultsTableProps): JSX.Element {
  return (
    <Table size="small" data-testid="rule-results">
      <caption style={{ captionSide: 'top', padding: 0, height: 0, overflow: 'hidden' }}>
        Precision and recall of each rule against negative sentiment
      </caption>
      <TableHead>
        <TableRow>
          <TableCell padding="checkbox" />
          <TableCell scope="col">Rule</TableCell>
          <TableCell scope="col" align="right">
            Sessions judged
          </TableCell>
          <TableCell scope="col" align="right">
            Flagged
          </TableCell>
          <TableCell scope="col" align="right">
            Precision
          </TableCell>
          <TableCell scope="col" align="right">
            Recall
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const flagged = row.cells.tp.count + row.cells.fp.count
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
                  slotProps={{ input: { 'aria-label': `Show the matrix of ${row.label}` } }}
                />
              </TableCell>
              <TableCell
                component="th"
                scope="row"
                sx={{ fontWeight: row.rule === 'combined' ? 600 : 400 }}
              >
                {row.label}
                {!row.enabled && ' (off)'}
              </TableCell>
              <TableCell align="right">
                {row.evaluated}
                {row.notEvaluated > 0 && ` (${row.notEvaluated} n/a)`}
              </TableCell>
              <TableCell align="right">{flagged}</TableCell>
              <TableCell align="right" data-testid={`precision-${row.rule}`}>
                {formatScore(row.precision)}
              </TableCell>
              <TableCell align="right" data-testid={`recall-${row.rule}`}>
                {formatScore(row.recall)}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
