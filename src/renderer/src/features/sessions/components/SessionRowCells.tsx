import type { JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Skeleton from '@mui/material/Skeleton'
import TableCell from '@mui/material/TableCell'
import type { ListedSession } from '@shared/sessions/latencyScales'
import { dateTimeFormat, type LabValueLabel } from '@renderer/i18n'
import { formatCount, NO_FIGURE } from './formatFigure'
import { P95Latency } from './P95Latency'
import { SentimentChip } from './SentimentChip'
import type { ColumnKey, SessionColumn } from './sessionColumns'
import { AlertsCell } from './AlertsCell'
import { SaidSnippet } from './SaidSnippet'
import { SessionIdCell } from './SessionIdCell'

/** Short enough for the column in en, es and fr (a two-digit year); the title has it in full. */
const STARTED_AT = {
  year: '2-digit',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit'
} as const
const STARTED_AT_TITLE = { dateStyle: 'full', timeStyle: 'long' } as const

/** A latency of a call with no counted turn: its stored 0 stands for "none". */
export function NoTurnLatency(): JSX.Element {
  const { t } = useTranslation('common')
  return (
    <span title={t('latency.noTurnHelp')} data-testid="no-turn">
      {NO_FIGURE}
    </span>
  )
}

function cellContent(
  session: ListedSession,
  column: ColumnKey,
  t: TFunction<'sessions'>,
  valueLabel: LabValueLabel
): JSX.Element {
  switch (column) {
    case 'scenario':
    case 'language':
    case 'source': {
      // A scenario's short name fits the column at 1024 px in es and fr; the title has its full
      // name and the code, which is what filters, exports and the CLI use.
      const code = session[column]
      if (!code) return <>{NO_FIGURE}</>
      const title = `${valueLabel(column, code)} (${code})`
      return <span title={title}>{valueLabel(column, code, 'short')}</span>
    }
    case 'session_id':
      return <SessionIdCell id={session.session_id} />
    case 'alerts':
      return <AlertsCell alerts={session.alerts} />
    case 'said':
      return <SaidSnippet match={session.said} />
    case 'escalated':
      return session.escalated ? (
        <span data-testid="escalated">{t('table.escalated')}</span>
      ) : (
        <span title={t('table.notEscalated')}>{NO_FIGURE}</span>
      )
    case 'latency_p50_ms':
      if (session.noCountedTurn) return <NoTurnLatency />
      return <>{formatCount(session.latency_p50_ms)}</>
    case 'latency_p95_ms':
      if (session.noCountedTurn) return <NoTurnLatency />
      return <P95Latency valueMs={session.latency_p95_ms} source={session.source} />
    case 'sentiment':
      return <SentimentChip sentiment={session.sentiment} />
    case 'rag_used':
      return <>{session.rag_used ? t('table.yes') : t('table.no')}</>
    case 'started_at':
      return session.started_at ? (
        <time
          dateTime={session.started_at}
          title={dateTimeFormat(STARTED_AT_TITLE).format(new Date(session.started_at))}
        >
          {dateTimeFormat(STARTED_AT).format(new Date(session.started_at))}
        </time>
      ) : (
        <>{NO_FIGURE}</>
      )
    default: {
      const value = session[column] ?? NO_FIGURE
      const text = typeof value === 'number' ? formatCount(value) : String(value)
      return <span title={text}>{text}</span>
    }
  }
}

/** One row's cells; a row whose page is still loading shows placeholders of the same height. */
export function SessionRowCells({
  session,
  columns,
  valueLabel
}: {
  session: ListedSession | undefined
  columns: readonly SessionColumn[]
  /** The table's one labeller for the lab's codes (useLabValueLabel), not a hook per row. */
  valueLabel: LabValueLabel
}): JSX.Element[] {
  // One translation hook per row, not per cell: rows mount and unmount as the table scrolls.
  const { t } = useTranslation('sessions')
  return columns.map((column) => (
    <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>
      {session ? cellContent(session, column.key, t, valueLabel) : <Skeleton />}
    </TableCell>
  ))
}
