import type { LabSession, StoredSession } from '../../../shared/sessions/labSchema'
import type { SessionFilter } from '../../../shared/sessions/sessionQuery'
import type { SessionBatch } from '../../sessions/packedSessions'
import type * as Sync from '../SessionDatabase'

// The async seam of issue #17 (the shared spec), derived mechanically from today's synchronous
// one until SessionDatabase.ts itself is converted: every operation returns a Promise of today's
// value, the page iterables become AsyncIterables, transactions take async work on one pooled
// client. At merge these types are replaced by the converted seam's (same names).

export { DatabaseBusyError } from '../SessionDatabase'
export type {
  AlertActionRow,
  AlertRow,
  CallOutcome,
  CallRow,
  CellCounts,
  ConflictPolicy,
  EventRow,
  FinalizeFailure,
  NewAlert,
  NewAlertAction,
  NewCall,
  NewEvent,
  SessionColumnVisitor,
  SessionImportOptions
} from '../SessionDatabase'

/** Every method of `T` returning a Promise of what it returns today. */
type Promised<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : T[K]
}

export type SessionsTable = Omit<Promised<Sync.SessionsTable>, 'storedPages' | 'labPages'> & {
  storedPages(filter: SessionFilter): AsyncIterable<StoredSession[]>
  labPages(filter: SessionFilter): AsyncIterable<LabSession[]>
}
export type CallsTable = Promised<Sync.CallsTable>
export type CallFailuresTable = Promised<Sync.CallFailuresTable>
export type TurnsTable = Promised<Sync.TurnsTable>
export type EventsTable = Promised<Sync.EventsTable>
export type AlertsTable = Promised<Sync.AlertsTable>
export type AlertActionsTable = Promised<Sync.AlertActionsTable>
export type MetaTable = Promised<Sync.MetaTable>
/** sessionColumns keeps its synchronous visitor (no Promise per row). */
export type ReportReads = Promised<Sync.ReportReads>
export type BacktestReads = Promised<Sync.BacktestReads>

/** add/addBatch buffer synchronously; flush waits until the server has what they buffered. */
export interface SessionBatchSink {
  readonly inserted: number
  readonly replaced: number
  readonly skipped: number
  add(session: LabSession, row: number): void
  addBatch(batch: SessionBatch): void
  flush(): Promise<void>
  /** Forgets every session staged so far; queued in order with the batches that follow. */
  restart(): void
}

export interface SessionImport {
  readonly sessions: SessionBatchSink
  reportConflicts(): Promise<void>
  commit(): Promise<boolean>
  rollback(): Promise<void>
  close(): Promise<void>
}

export interface SessionDatabase {
  readonly sessions: SessionsTable
  readonly calls: CallsTable
  readonly callFailures: CallFailuresTable
  readonly turns: TurnsTable
  readonly events: EventsTable
  readonly alerts: AlertsTable
  readonly alertActions: AlertActionsTable
  readonly meta: MetaTable
  readonly reports: ReportReads
  readonly backtest: BacktestReads
  /** An all-or-nothing import on a connection of its own. */
  beginImport(options: Sync.SessionImportOptions): Promise<SessionImport>
  /** Runs `work` in one write transaction: committed if it resolves, rolled back if it rejects. */
  transaction<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>
  /** As `transaction`, but rejects with DatabaseBusyError at once when the write lock is taken. */
  transactionNow<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** The tables bound to one transaction (PostgreSQL: its pooled client). */
export type TransactionScope = Omit<SessionDatabase, 'transaction' | 'transactionNow' | 'close'>
