import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import IconButton from '@mui/material/IconButton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Tooltip from '@mui/material/Tooltip'
import type { ChartSpec } from '../charts/chartSpec'
import type { DrillTarget } from '../drillDown'

interface ChartTableProps {
  spec: ChartSpec
  onDrill: ((target: DrillTarget) => void) | null
}

/** The chart's values as an accessible table, with the same click-through per row. */
export function ChartTable({ spec, onDrill }: ChartTableProps): JSX.Element {
  const { t } = useTranslation('reports')
  const drillable = onDrill !== null && spec.rows.some((row) => row.drill)
  return (
    <Table size="small" stickyHeader data-testid={`chart-table-${spec.id}`}>
      <caption style={{ captionSide: 'top', padding: 0, height: 0, overflow: 'hidden' }}>
        {spec.question}
      </caption>
      <TableHead>
        <TableRow>
          {spec.columns.map((column) => (
            <TableCell key={column.label} align={column.numeric ? 'right' : 'left'} scope="col">
              {column.label}
            </TableCell>
          ))}
          {drillable && (
            <TableCell scope="col" align="right">
              {t('chart.sessionsColumn')}
            </TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {spec.rows.map((row, index) => (
          <TableRow key={index} hover>
            {row.cells.map((cell, i) => (
              <TableCell
                key={i}
                component={i === 0 ? 'th' : 'td'}
                scope={i === 0 ? 'row' : undefined}
                align={spec.columns[i]?.numeric ? 'right' : 'left'}
                sx={{ fontVariantNumeric: 'tabular-nums' }}
              >
                {cell}
              </TableCell>
            ))}
            {drillable && (
              <TableCell align="right" sx={{ py: 0 }}>
                {row.drill && onDrill && (
                  <Tooltip title={t('chart.open', { label: row.drill.label })}>
                    <IconButton
                      size="small"
                      aria-label={t('chart.open', { label: row.drill.label })}
                      onClick={() => row.drill && onDrill(row.drill)}
                    >
                      <OpenInNewIcon fontSize="inherit" />
                    </IconButton>
                  </Tooltip>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
