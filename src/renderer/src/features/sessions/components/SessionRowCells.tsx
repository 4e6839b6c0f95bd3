import type { JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Skeleton from '@mui/material/Skeleton'
import TableCell from '@mui/material/TableCell'
import type { StoredSession } from '@shared/sessions/labSchema'
import { dateTimeFormat } from '@renderer/i18n'
import { formatCount, NO_FIGURE } from './formatFigure'
import { P95Latency } from './P95Latency'
import { SentimentChip } from './SentimentChip'
import { SESSION_COLUMNS, type ShownColumn } from './sessionColumns'

const STARTED_AT = { dateStyle: 'medium', timeStyle: 'short' } as const

function cellContent(
  session: StoredSession,
  column: ShownColumn,
  t: TFunction<'sessions'>
): JSX.Element {
  switch (column) {
    case 'latency_p95_ms':
      return <P95Latency valueMs={session.latency_p95_ms} />
    case 'sentiment':
      return <SentimentChip sentiment={session.sentiment} />
    case 'rag_used':
      return <>{session.rag_used ? t('table.yes') : t('table.no')}</>
    case 'started_at':
      return session.started_at ? (
        <time dateTime={session.started_at}>
          {dateTimeFormat(STARTED_AT).format(new Date(session.started_at))}
        </time>
      ) : (
        <>{NO_FIGURE}</>
      )
    default: {
      const value = session[column]
      const text = typeof value === 'number' ? formatCount(value) : String(value)
      return <span title={text}>{text}</span>
    }
  }
}

/** One row's cells; a row whose page is still loading shows placeholders of the same height. */
export function SessionRowCells({
  session
}: {
  session: StoredSession | undefined
}): JSX.Element[] {
  // One translation hook per row, not per cell: rows mount and unmount as the table scrolls.
  const { t } = useTranslation('sessions')
  return SESSION_COLUMNS.map((column) => (
    <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>
      {session ? cellContent(session, column.key, t) : <Skeleton />}
    </TableCell>
  ))
}
