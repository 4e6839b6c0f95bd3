import { useMemo, type ComponentProps, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { useLabValueLabel, type LabValueLabel } from '@renderer/i18n'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import TableSortLabel from '@mui/material/TableSortLabel'
import Typography from '@mui/material/Typography'
import {
  TableVirtuoso,
  type ContextProp,
  type ItemProps,
  type ScrollerProps,
  type TableBodyProps,
  type TableComponents,
  type TableProps
} from 'react-virtuoso'
import { SLOW_P95_MS_BY_SCALE, type ListedSession } from '@shared/sessions/latencyScales'
import type { SessionSort } from '@shared/sessions/sessionQuery'
import type { SessionPages } from '../hooks/useSessionPages'
import type { SortColumn } from '../sessionsStore'
import { SessionRowCells } from './SessionRowCells'
import { isSortable, type SessionColumn } from './sessionColumns'

interface TableContext {
  rowAt: (index: number) => ListedSession | undefined
  total: number | null
  columns: readonly SessionColumn[]
  /** Only here so a newly loaded page re-renders the visible rows. */
  version: number
  onOpen: (session: ListedSession) => void
  /** The lab's codes in the UI language, made once for every row. */
  valueLabel: LabValueLabel
}

/**
 * Every row is one line (cells never wrap), so rows share one height and Virtuoso can skip
 * measuring them: faster first paint and steady scrolling through 100k rows.
 */
const ROW_HEIGHT_PX = 40

type Props<P> = P & ContextProp<TableContext>

/** Virtuoso hands its context (and row item) to every part; DOM elements must not receive them. */
function domProps<P extends object>(props: P): Omit<P, 'context' | 'item'> {
  const rest = { ...props }
  Reflect.deleteProperty(rest, 'context')
  Reflect.deleteProperty(rest, 'item')
  return rest
}

function Scroller(props: Props<ScrollerProps>): JSX.Element {
  return <TableContainer component={Paper} {...domProps(props)} />
}

function TableElement(props: Props<TableProps>): JSX.Element {
  const { t } = useTranslation('sessions')
  return (
    <Table
      {...domProps(props)}
      size="small"
      aria-label={t('table.label')}
      aria-rowcount={props.context.total ?? undefined}
      // Row and cell styles live here, once, rather than as an sx prop on each of thousands of cells.
      sx={{
        borderCollapse: 'separate',
        tableLayout: 'fixed',
        '& .MuiTableCell-root': { px: 1 },
        '& .MuiTableSortLabel-icon': { mx: 0.25 },
        // Headers never push the table wider than its box (it never scrolls sideways): an
        // unsorted column's arrow takes room only while pointed at or focused.
        '& .MuiTableHead-root .MuiTableCell-root': { whiteSpace: 'nowrap', overflow: 'hidden' },
        '& .MuiTableSortLabel-root:not(.Mui-active):not(:hover):not(.Mui-focusVisible) .MuiTableSortLabel-icon':
          { display: 'none' },
        '& .MuiTableBody-root .MuiTableRow-root': { height: ROW_HEIGHT_PX },
        '& .MuiTableBody-root .MuiTableCell-root': {
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis'
        }
      }}
    />
  )
}

function Head(props: Props<ComponentProps<'thead'>>): JSX.Element {
  return <TableHead {...domProps(props)} />
}

function Body(props: Props<TableBodyProps>): JSX.Element {
  return <TableBody {...domProps(props)} />
}

/** Loaded rows carry the e2e test id; rows still loading say so. */
function Row(props: Props<ItemProps<unknown>>): JSX.Element {
  const session = props.context.rowAt(props['data-index'])
  const open = (): void => {
    if (session) props.context.onOpen(session)
  }
  return (
    <TableRow
      {...domProps(props)}
      hover
      tabIndex={session ? 0 : -1}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open()
      }}
      sx={{ cursor: session ? 'pointer' : 'default' }}
      data-testid={session ? 'session-row' : 'session-row-loading'}
    />
  )
}

function EmptyPlaceholder({ context }: ContextProp<TableContext>): JSX.Element {
  const { t } = useTranslation('sessions')
  return (
    <TableBody>
      <TableRow>
        <TableCell colSpan={context.columns.length}>
          <Typography color="text.secondary" sx={{ py: 3, textAlign: 'center' }}>
            {context.total === null ? t('table.loading') : t('table.empty')}
          </Typography>
        </TableCell>
      </TableRow>
    </TableBody>
  )
}

// Defined once: new component identities would make TableVirtuoso remount the whole table.
const components: TableComponents<unknown, TableContext> = {
  Scroller,
  Table: TableElement,
  TableHead: Head,
  TableBody: Body,
  TableRow: Row,
  EmptyPlaceholder
}

const isLatency = (column: string): boolean =>
  column === 'latency_p50_ms' || column === 'latency_p95_ms'

/** What the latency columns hold: two measures, told apart by the row's source. */
function useLatencyHelp(): string {
  const { t } = useTranslation('common')
  return [
    t('latency.liveHelp', { threshold: SLOW_P95_MS_BY_SCALE.live }),
    t('latency.importedHelp', { threshold: SLOW_P95_MS_BY_SCALE.imported }),
    t('latency.noTurnHelp')
  ].join('\n')
}

interface SessionsTableProps {
  pages: SessionPages
  sort: SessionSort
  onSort: (column: SortColumn) => void
  onOpen: (session: ListedSession) => void
  /** The columns to show, in order (fitColumns: they fit the table's width). */
  columns: readonly SessionColumn[]
}

/** Every matching session, virtualised: only the rows on screen exist in the DOM. */
export function SessionsTable({
  pages,
  sort,
  onSort,
  onOpen,
  columns
}: SessionsTableProps): JSX.Element {
  const { t } = useTranslation('sessions')
  const latencyHelp = useLatencyHelp()
  const valueLabel = useLabValueLabel()
  const { rowAt, total, version, showRange } = pages
  const context = useMemo(
    () => ({ rowAt, total, columns, version, onOpen, valueLabel }),
    [rowAt, total, columns, version, onOpen, valueLabel]
  )

  return (
    <TableVirtuoso<unknown, TableContext>
      style={{ height: '100%' }}
      totalCount={total ?? 0}
      fixedItemHeight={ROW_HEIGHT_PX}
      context={context}
      components={components}
      rangeChanged={showRange}
      increaseViewportBy={400}
      fixedHeaderContent={() => (
        <TableRow>
          {columns.map((column) => {
            const active = sort.column === column.key
            const label = t(`columns.${column.key}`)
            return (
              <TableCell
                key={column.key}
                align={column.numeric ? 'right' : 'left'}
                sortDirection={active ? sort.direction : false}
                // The match column has no width of its own: it takes what the others leave.
                style={column.width ? { width: column.width } : undefined}
              >
                {isSortable(column.key) ? (
                  <TableSortLabel
                    active={active}
                    direction={active ? sort.direction : 'asc'}
                    onClick={() => isSortable(column.key) && onSort(column.key)}
                    title={isLatency(column.key) ? latencyHelp : undefined}
                  >
                    {label}
                  </TableSortLabel>
                ) : (
                  // Aligned as the sortable headers' labels are (inline-flex, centred).
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center' }}>
                    {label}
                  </Box>
                )}
              </TableCell>
            )
          })}
        </TableRow>
      )}
      itemContent={(index, _item, { rowAt: row, columns: shown, valueLabel: label }) => (
        <SessionRowCells session={row(index)} columns={shown} valueLabel={label} />
      )}
    />
  )
}
