import type { JSX } from 'react'
import Skeleton from '@mui/material/Skeleton'
import TableCell from '@mui/material/TableCell'
import type { StoredSession } from '@shared/sessions/labSchema'
import { P95Latency } from './P95Latency'
import { SentimentChip } from './SentimentChip'
import { SESSION_COLUMNS, type ShownColumn } from './sessionColumns'

const startedAtFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short'
})

function CellContent({
  session,
  column
}: {
  session: StoredSession
  column: ShownColumn
}): JSX.Element {
  switch (column) {
    case 'latency_p95_ms':
      return <P95Latency valueMs={session.latency_p95_ms} />
    case 'sentiment':
      return <SentimentChip sentiment={session.sentiment} />
    case 'rag_used':
      return <>{session.rag_used ? 'Yes' : 'No'}</>
    case 'started_at':
      return session.started_at ? (
        <time dateTime={session.started_at}>
          {startedAtFormat.format(new Date(session.started_at))}
        </time>
      ) : (
        <>—</>
      )
    default: {
      const text = String(session[column])
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
  return SESSION_COLUMNS.map((column) => (
    <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>
      {session ? <CellContent session={session} column={column.key} /> : <Skeleton />}
    </TableCell>
  ))
}
