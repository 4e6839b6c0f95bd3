import type { AlertActionKind, AlertActionsQuery } from '../../shared/escalation/alertRecords'
import type { AlertActionRecord, AlertStatus } from '../../shared/escalation/alertRecords'
import type { Cell } from '../../shared/escalation/backtestSchema'
import type { RuleId, Severity } from '../../shared/escalation/rules'
import type { CallStatus, LabelsReason, TurnRow } from '../../shared/live-call/recordedCall'
import type { UnfinalizedCall } from '../../shared/live-call/recordedCall'
import type { ReportAlerts, ReportFilter } from '../../shared/analytics/reportSchemas'
import type { LabSession, SessionSource, StoredSession } from '../../shared/sessions/labSchema'
import type { SessionBatch } from '../sessions/packedSessions'
import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'

// The seam between the services and a backend. The services (SessionStore, CallRecorder,
// AlertStore, ReportQueries, EscalationBacktest…) depend on these interfaces only; SQLite
// (./sqlite) implements them today, a team PostgreSQL will implement them next. Rows cross it
// already checked and typed (./rowValues): no service casts a row. See README.md for how a
// second backend plugs in and why the operations are synchronous for now.

/** One session's report columns, handed over without building an object (100k rows a read). */
export type SessionColumnVisitor = (
  sessionId: string,
  profile: string,
  ragUsed: number,
  interruptions: number,
  p50Ms: number,
  p95Ms: number
) => void

/** A recorded call's row (calls table). */
export interface CallRow {
  session_id: string
  model: string
  started_at_ms: number
  status: CallStatus
  /** The price table as JSON, as begin stored it. */
  pricing: string | null
  sentiment_reader: string | null
  labelled_by: string | null
  /** Why the lexicons labelled the call when they did (null: the model did, or before v4). */
  labels_reason: LabelsReason | null
  labels_error: string | null
}

export interface NewCall {
  sessionId: string
  callId: string | null
  provider: string
  model: string
  startedAtMs: number
  pricing: string | null
  sentimentReader: string
}

/** What finalizing a call writes to its row. */
export interface CallOutcome {
  status: Exclude<CallStatus, 'active'>
  endedAtMs: number
  countedTurns: number
  finalizedAt: string
  labelledBy: string | null
  labelsReason: LabelsReason | null
  labelsError: string | null
}

/** One stored input of a call: the page clock, and the event as JSON. */
export interface EventRow {
  atMs: number
  type: string
  payload: string
}

export interface NewEvent extends EventRow {
  direction: 'server' | 'client' | 'local'
}

/** A row of the alerts table. */
export interface AlertRow {
  alert_id: number
  session_id: string
  rule: RuleId
  severity: Severity
  raised_at: string
  evidence: string
  status: AlertStatus
  action_by: string | null
  action_at: string | null
  action_note: string | null
}

export interface NewAlert {
  /** Chosen by the writer when the row is queued before it can be inserted (LiveWrites). */
  alertId?: number
  sessionId: string
  rule: RuleId
  severity: Severity
  raisedAt: string
  evidence: string
}

/** A row of alert_actions. */
export interface AlertActionRow {
  alert_id: number
  action: AlertActionKind
  action_by: string
  action_at: string
  note: string | null
}

export interface NewAlertAction {
  alertId: number
  sessionId: string
  action: AlertActionKind
  by: string
  at: string
  note: string | null
}

export interface SessionsTable {
  /** A page of sessions in `sort` order. */
  page(filter: SessionFilter, sort: SessionSort, offset: number, limit: number): StoredSession[]
  count(filter?: SessionFilter): number
  /** Sessions in session_id order, a bounded page at a time (exports, the lab report). */
  storedPages(filter: SessionFilter): Iterable<StoredSession[]>
  /** The lab's 11 columns only, a page at a time. */
  labPages(filter: SessionFilter): Iterable<LabSession[]>
  get(sessionId: string): StoredSession | null
  exists(sessionId: string): boolean
  /** A finished or recovered call's row. In a transaction: it moves the sessions' version. */
  insertRecorded(session: StoredSession, recordedAt: string): void
  /** Sets escalated when not yet set (no row: no-op). In a transaction, as insertRecorded. */
  markEscalated(sessionId: string): void
  /** Moves only when the sessions do, whichever connection wrote them ('0' before any). */
  version(): string
}

export interface CallsTable {
  /** False when the session id is taken. */
  insertIfNew(call: NewCall): boolean
  get(sessionId: string): CallRow | null
  /** Calls begun and never finished, by session id. */
  active(): CallRow[]
  settle(sessionId: string, outcome: CallOutcome): void
}

export interface TurnsTable {
  /** The call's turns, replacing any stored before. */
  replace(sessionId: string, turns: readonly TurnRow[]): void
  list(sessionId: string): TurnRow[]
}

export interface EventsTable {
  /** After the call's last stored event, in order. */
  append(sessionId: string, events: readonly NewEvent[]): void
  count(sessionId: string): number
  /** In recorded order. */
  list(sessionId: string): EventRow[]
}

export interface AlertsTable {
  /** Returns the new alert's id (`alert.alertId` when given). */
  insert(alert: NewAlert): number
  /** The id the next insert without one would get. */
  nextId(): number
  /** Newest first; any status when `statuses` is empty. */
  list(statuses: readonly AlertStatus[], limit: number): AlertRow[]
  get(alertId: number): AlertRow | null
  /** In the order raised. */
  forSession(sessionId: string): AlertRow[]
  /** The latest action as the alert's row keeps it. */
  setStatus(alertId: number, status: AlertStatus, by: string, at: string, note: string | null): void
  anyEscalated(sessionId: string): boolean
}

export interface AlertActionsTable {
  insert(action: NewAlertAction): void
  /** Joined with each alert's rule, oldest first (the latest `limit` rows). */
  list(query: AlertActionsQuery): AlertActionRecord[]
  /** By time taken. */
  forSession(sessionId: string): AlertActionRow[]
}

export interface MetaTable {
  get(key: string): string | undefined
  set(key: string, value: string): void
}

/** The Reports screen's reads: the columns it keeps in memory, and the alerts aggregated. */
export interface ReportReads {
  /**
   * Up to `limit` sessions after `afterId`, in session_id order, each handed to `visit` (no
   * object per row: 100k sessions are read at once). `profile` is a JSON array of scenario,
   * sentiment, language, model, source and the UTC day of started_at (or null). Returns the
   * rows read and the last id.
   */
  sessionColumns(
    afterId: string,
    limit: number,
    visit: SessionColumnVisitor
  ): { rows: number; lastId: string }
  /** Alerts of the sessions in the filter, of which there are `sessionsInFilter`. */
  alertFigures(filter: ReportFilter, sessionsInFilter: number): ReportAlerts
}

export interface CellCounts {
  counts: Record<Cell, number>
  ids: Record<Cell, string[]>
}

/** The escalation backtest's reads over sessions, counted where the rows are. */
export interface BacktestReads {
  /** Session-level cells of "interruptions ≥ total" vs negative, for rows with no events. */
  sessionLevelCells(filter: SessionFilter, total: number): CellCounts
  /** Sessions with stored events (live calls), ids in order. */
  sessionsWithEvents(filter: SessionFilter): { session_id: string; sentiment: string }[]
}

/** Another connection holds the write lock (an import): nothing was written; try again later. */
export class DatabaseBusyError extends Error {
  constructor() {
    super('The session database is busy with another writer (an import)')
  }
}

export type ConflictPolicy = 'fail' | 'skip' | 'replace'

/** Where an import's sessions go, in file order: one at a time or as packed batches. */
export interface SessionBatchSink {
  readonly inserted: number
  readonly replaced: number
  readonly skipped: number
  add(session: LabSession, row: number): void
  addBatch(batch: SessionBatch): void
  /** Writes what add() still holds. */
  flush(): void
  /** Forgets every session staged so far (the file is read again from its start). */
  restart(): void
}

export interface SessionImportOptions {
  policy: ConflictPolicy
  source: SessionSource
  recordedAt: string
  /**
   * An id the policy refuses (row: the file's row): one already stored, under 'fail'
   * (takenBy 'session'), or a recorded call's, under 'fail' and 'replace' (takenBy 'call').
   */
  onConflict: (sessionId: string, row: number, takenBy: 'session' | 'call') => void
}

/**
 * An all-or-nothing import on a connection of its own: the sessions are staged apart from the
 * database, then checked and written in one short write transaction (readers see all or none).
 * Begun by the backend (SQLite: beginSqliteImport).
 */
export interface SessionImport {
  /** Where the file's sessions are staged; its counts are final once commit() returned true. */
  readonly sessions: SessionBatchSink
  /** Reports the ids the policy refuses, without the write lock (the file is rejected anyway). */
  reportConflicts(): void
  /**
   * Takes the write lock and reports the ids the policy refuses; if there were none, writes the
   * staged sessions, moves the sessions' version when any was written, commits and returns true.
   */
  commit(): boolean
  /** Undoes everything (no-op once committed or rolled back). */
  rollback(): void
  close(): void
}

/**
 * A durable first-in first-out list of writes that could not reach the session database yet
 * (LiveWrites queues a live call's writes here while an import holds the write lock). It is a
 * file of its own on this machine, whatever the database's backend: its own lock.
 */
export interface WriteOutbox {
  /** Names this outbox's ids: a new outbox (a deleted file) starts its ids again. */
  readonly generation: string
  /** Appends one entry; returns its id (ids grow and are never reused within a generation). */
  push(body: string): number
  /** The oldest `limit` entries, oldest first. */
  peek(limit: number): { id: number; body: string }[]
  /** Deletes every entry up to and including `id`. */
  removeThrough(id: number): void
  count(): number
  close(): void
}

/** The session database: one per app, shared by every service. */
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
  /** Runs `work` in one write transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(work: () => T): T
  /**
   * As `transaction`, but never waits for another connection's write lock (an import's): throws
   * DatabaseBusyError at once instead, so the caller can queue the work or retry it later.
   */
  transactionNow<T>(work: () => T): T
  close(): void
}

/** A failed attempt to finalize a call. */
export interface FinalizeFailure {
  error: string
  /** ISO time of the attempt. */
  failedAt: string
  /** The hang-up time when the attempt was the hang-up's (kept for the retry); else null. */
  endedAtMs: number | null
}

/** Calls that could not be finalized: marked 'failed' with the error, their events untouched. */
export interface CallFailuresTable {
  /** Marks an active or failed call 'failed' and counts the attempt (others: no-op). */
  mark(sessionId: string, failure: FinalizeFailure): void
  /** The failed calls, by session id, with their event counts. */
  list(): UnfinalizedCall[]
  get(sessionId: string): UnfinalizedCall | null
  /** Forgets the failure: run in the transaction that finalizes the call. */
  clear(sessionId: string): void
}
