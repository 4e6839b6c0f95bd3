import type { VoiceEngine } from '../../shared/live-call/voiceEngine'
import type { AlertActionKind, AlertActionsQuery } from '../../shared/escalation/alertRecords'
import type { AlertActionRecord, AlertStatus } from '../../shared/escalation/alertRecords'
import type { Cell } from '../../shared/escalation/backtestSchema'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import type { RuleId, Severity } from '../../shared/escalation/rules'
import type { CallChannel } from '../../shared/live-call/callChannel'
import type {
  CallCommandAction,
  CallCommandStatus,
  CallOutcomeKind
} from '../../shared/gateway/callCommands'
import type { CallStatus, LabelsReason, TurnRow } from '../../shared/live-call/recordedCall'
import type { UnfinalizedCall } from '../../shared/live-call/recordedCall'
import type { ReportChannels } from '../../shared/analytics/channelFigures'
import type { ReportAlerts, ReportFilter } from '../../shared/analytics/reportSchemas'
import type { LabSession, SessionSource, StoredSession } from '../../shared/sessions/labSchema'
import type { SessionBatch } from '../sessions/packedSessions'
import type { SessionIds } from '../reports/sessionIds'
import type { SessionFilter, SessionSort } from '../../shared/sessions/sessionQuery'
import type { AlertSummary } from '../../shared/sessions/alertSummary'
import type { SaidMatch } from '../../shared/sessions/saidSearch'

// The seam between the services and a backend. The services (SessionStore, CallRecorder,
// AlertStore, ReportQueries, EscalationBacktest…) depend on these interfaces only; SQLite
// (./sqlite) implements them today, a team PostgreSQL will implement them next. Rows cross it
// already checked and typed (./rowValues): no service casts a row. Every operation returns a
// promise (PostgreSQL's driver is asynchronous); SQLite runs its statements synchronously inside
// them. See README.md for how a backend plugs in and how transactions stay whole.

/**
 * One session's report columns but its id, handed over without building an object (a million
 * rows a read): the ids come a part of the read at a time (ReportReads.sessionColumns).
 */
export type SessionColumnVisitor = (
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
  /** How the call came in (rows written before channels existed: 'desk'). */
  channel: CallChannel
  /** The voice API it ran on (rows written before engines existed: 'realtime'). */
  engine: VoiceEngine
  /** Transferred or ended by a supervisor (gateway calls); null: it ended by itself. */
  outcome: CallOutcomeKind | null
  /** The seat that recorded it (team mode); null on a desk's own file. */
  seat: string | null
}

export interface NewCall {
  sessionId: string
  callId: string | null
  provider: string
  model: string
  startedAtMs: number
  pricing: string | null
  sentimentReader: string
  /**
   * The desk's seat (team mode). PostgreSQL stores it on the call's row; SQLite has no seat
   * column and ignores it (a desk's file holds one desk's calls).
   */
  seat?: string | null
  /** How the call came in (default 'desk': the console's own calls). */
  channel?: CallChannel
  /** The voice API it runs on (default 'realtime'). */
  engine?: VoiceEngine
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

/** A stored input with its place in the call's order (seq counts from 0, without holes). */
export interface NumberedEventRow extends EventRow {
  seq: number
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
  /** The seat of the call's desk (team mode: read with the row; SQLite has none). */
  seat?: string | null
  /** The call's row status, read with the alert (null: no call row, an imported session). */
  call_status?: string | null
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
  /** The desk's seat (team mode): stored by PostgreSQL, ignored by SQLite (see NewCall.seat). */
  seat?: string | null
}

export interface SessionsTable {
  /** A page of sessions in `sort` order. */
  page(
    filter: SessionFilter,
    sort: SessionSort,
    offset: number,
    limit: number
  ): Promise<StoredSession[]>
  count(filter?: SessionFilter): Promise<number>
  /** Sessions in session_id order, a bounded page at a time (exports, the lab report). */
  storedPages(filter: SessionFilter): AsyncIterable<StoredSession[]>
  /** The lab's 11 columns only, a page at a time. */
  labPages(filter: SessionFilter): AsyncIterable<LabSession[]>
  get(sessionId: string): Promise<StoredSession | null>
  exists(sessionId: string): Promise<boolean>
  /** A finished or recovered call's row. In a transaction: it moves the sessions' version. */
  insertRecorded(session: StoredSession, recordedAt: string): Promise<void>
  /** Sets escalated when not yet set (no row: no-op). In a transaction, as insertRecorded. */
  markEscalated(sessionId: string): Promise<void>
  /** Moves only when the sessions do, whichever connection wrote them ('0' before any). */
  version(): Promise<string>
  /**
   * Deletes the pilot's sample sessions (source 'seed', a desk's first run); returns how many.
   * In a transaction: it moves the sessions' version when it deletes any.
   */
  removeSample(): Promise<number>
}

export interface CallsTable {
  /** False when the session id is taken. */
  insertIfNew(call: NewCall): Promise<boolean>
  get(sessionId: string): Promise<CallRow | null>
  /**
   * Calls begun and never finished, by session id. With a seat, only that desk's (PostgreSQL:
   * a desk recovers its own calls, never another desk's running ones; SQLite holds one desk's
   * calls and ignores it).
   */
  active(seat?: string | null): Promise<CallRow[]>
  settle(sessionId: string, outcome: CallOutcome): Promise<void>
  /** A supervisor transferred or ended the call (the gateway, once the API took the request). */
  setOutcome(sessionId: string, outcome: CallOutcomeKind): Promise<void>
  /**
   * Live sessions whose call counted no turn (calls.counted_turns = 0: the row's latency of 0
   * stands for "none"), in session_id order; only among `sessionIds` when given. Read at query
   * time so latency figures leave them out without a schema change.
   */
  withoutCountedTurn(sessionIds?: readonly string[]): Promise<string[]>
  /**
   * Sessions whose call ran on GPT-Live (calls.engine = 'live'), in session_id order: the rows
   * the engine filter keeps, as sessionWhere's `engine` condition selects them.
   */
  onLiveEngine(): Promise<string[]>
}

export interface TurnsTable {
  /**
   * The call's turns, replacing any stored before, and its transcript (the caller's lines and
   * the agent's, as heard, in turn order) for the full-text search (the filter's `said`). In a
   * transaction: both or neither.
   */
  replace(sessionId: string, turns: readonly TurnRow[]): Promise<void>
  list(sessionId: string): Promise<TurnRow[]>
  /**
   * Where the words of `said` (the filter's, saidWords) were said in these sessions' calls: a
   * snippet of the caller's lines, else the agent's, with the hits marked. Sessions whose
   * transcript does not match (or that have none) are left out; no words, no matches.
   */
  saidMatches(sessionIds: readonly string[], said: string): Promise<SaidMatch[]>
}

export interface EventsTable {
  /** After the call's last stored event, in order. */
  append(sessionId: string, events: readonly NewEvent[]): Promise<void>
  count(sessionId: string): Promise<number>
  /** In recorded order. */
  list(sessionId: string): Promise<EventRow[]>
  /**
   * The inputs stored after `afterSeq` (-1: from the first), in order, at most `limit`, leaving
   * out the types in `skipTypes` (bulky audio the reducer does not read): a follower's catch-up.
   */
  since(
    sessionId: string,
    afterSeq: number,
    limit: number,
    skipTypes: readonly string[]
  ): Promise<NumberedEventRow[]>
}

export interface AlertsTable {
  /** Returns the new alert's id (`alert.alertId` when given). */
  insert(alert: NewAlert): Promise<number>
  /** The id the next insert without one would get. */
  nextId(): Promise<number>
  /**
   * An id for an alert queued before it can be inserted (LiveWrites). PostgreSQL takes it from
   * the sequence, so no desk's insert can take it meanwhile; SQLite returns nextId() (main is
   * its only writer, and while one alert is queued every later one is too).
   */
  reserveId(): Promise<number>
  /** Newest first; any status when `statuses` is empty. */
  list(statuses: readonly AlertStatus[], limit: number): Promise<AlertRow[]>
  get(alertId: number): Promise<AlertRow | null>
  /** In the order raised. */
  forSession(sessionId: string): Promise<AlertRow[]>
  /** The latest action as the alert's row keeps it. */
  setStatus(
    alertId: number,
    status: AlertStatus,
    by: string,
    at: string,
    note: string | null
  ): Promise<void>
  anyEscalated(sessionId: string): Promise<boolean>
  /** These sessions' alerts summed up (count, worst); sessions with none are left out. */
  summaries(sessionIds: readonly string[]): Promise<AlertSummary[]>
}

export interface AlertActionsTable {
  insert(action: NewAlertAction): Promise<void>
  /** Joined with each alert's rule, oldest first (the latest `limit` rows). */
  list(query: AlertActionsQuery): Promise<AlertActionRecord[]>
  /** By time taken. */
  forSession(sessionId: string): Promise<AlertActionRow[]>
}

/** A webhook delivery as the call gateway takes it in (its `webhook-id` is the platform's). */
export interface NewWebhookDelivery {
  webhookId: string
  eventType: string
  /** The Realtime call the event is about, if any. */
  callId: string | null
  /** The gateway instance that claimed it. */
  instance: string
  /** ISO time it arrived. */
  receivedAt: string
}

/**
 * The webhook deliveries the call gateways have taken on, by `webhook-id`: the platform retries
 * with the same id, and several gateways behind one address must act on each event once.
 */
export interface WebhookDeliveriesTable {
  /** True for the first claim of this id (by any instance); false when it was claimed before. */
  claim(delivery: NewWebhookDelivery): Promise<boolean>
  /** Gives the id up (the event could not be acted on): the platform's retry may claim it. */
  release(webhookId: string): Promise<void>
}

/** One stored chunk of a call's recorded audio (both sides mixed), as it arrived. */
export interface NewAudioChunk {
  sessionId: string
  seq: number
  mimeType: string
  /** The console's clock when the audio began (the clock of the call's events). */
  startT: number
  /** Audio up to the end of this chunk, ms since it began. */
  endMs: number
  bytes: Uint8Array
}

/** What is stored of a call's audio (src/shared/live-call/callAudio.ts). */
export interface CallAudioSummary {
  /** The first chunk's type and start (a call's chunks share them). */
  mimeType: string
  startT: number
  chunks: number
  bytes: number
  /** The largest stored end: the recorded length. */
  durationMs: number
  /** The last chunk's seq: a page that reaches it is the last. */
  lastSeq: number
}

/** A call's audio deleted on its own: who (a seat, or the OS user on one desk) and when (ISO). */
export interface CallAudioRemoval {
  removedBy: string
  removedAt: string
}

/**
 * A call's recorded audio, chunk by chunk (`call_audio`, keyed by session id and seq). A
 * deleted session takes its audio with it (a trigger on `sessions`).
 */
export interface CallAudioTable {
  /**
   * Stores a chunk; false when (sessionId, seq) was already stored (kept as first stored), or
   * the call's audio was deleted (`remove`): nothing brings it back.
   */
  append(chunk: NewAudioChunk): Promise<boolean>
  /** Null when the call has no stored audio. */
  summary(sessionId: string): Promise<CallAudioSummary | null>
  /**
   * Chunks from `fromSeq` in seq order, at least one and then as many as fit in `maxBytes`.
   */
  chunks(
    sessionId: string,
    fromSeq: number,
    maxBytes: number
  ): Promise<{ seq: number; bytes: Uint8Array }[]>
  /**
   * Deletes the call's audio and keeps who deleted it and when (the latest deletion); returns
   * how many chunks went. Run it in a transaction: both or neither.
   */
  remove(sessionId: string, removal: CallAudioRemoval): Promise<number>
  /** Who deleted the call's audio and when; null when it never was. */
  removal(sessionId: string): Promise<CallAudioRemoval | null>
}

/** A supervisor's command to the gateway that carries a call, as the console records it. */
export interface NewCallCommand {
  sessionId: string
  /** The gateway instance holding the call (its seat on the call's row). */
  targetSeat: string
  action: CallCommandAction
  /** instruct: the instruction; transfer: the handoff note. */
  note: string | null
  /** The alert it was taken from, if any (its alert_actions row says the same). */
  alertId: number | null
  bySeat: string
  /** ISO time. */
  at: string
}

export interface CallCommandRow extends NewCallCommand {
  commandId: number
  status: CallCommandStatus
  /** ISO time it was done or failed. */
  doneAt: string | null
  /** Why it failed (or what the API answered). */
  result: string | null
}

/**
 * Supervisors' commands to gateway calls (schema v4 / SQLite v8). A console inserts; the gateway
 * holding the call takes it once (`start`: sent → running, one taker however many instances
 * hear the announcement) and reports how it went (`finish`).
 */
export interface CallCommandsTable {
  /** Returns the new command's id. */
  insert(command: NewCallCommand): Promise<number>
  get(commandId: number): Promise<CallCommandRow | null>
  /** True for the one taker; false when it was taken, done or failed before. */
  start(commandId: number): Promise<boolean>
  finish(
    commandId: number,
    status: 'done' | 'failed',
    at: string,
    result: string | null
  ): Promise<void>
  /** In the order given. */
  forSession(sessionId: string): Promise<CallCommandRow[]>
}

export interface MetaTable {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
}

/** The escalation rules as stored: every rule group's thresholds, and the latest change. */
export interface StoredRules {
  thresholds: EscalationThresholds
  /** The seat of the most recent change (null: written without one). */
  updatedBy: string | null
  /** ISO time of the most recent change. */
  updatedAt: string
}

/** Who changed the rules, and when (ISO). */
export interface RulesChange {
  seat: string | null
  at: string
}

/**
 * The escalation rules' thresholds, one row per rule group (escalation_rules). Both backends
 * have the table; in team mode it holds the team's rules (src/main/escalation/EscalationRulesStore).
 */
export interface RulesTable {
  /**
   * The stored thresholds; null when none were ever saved. Rows are checked with the app's
   * schema: a group missing, unknown or out of bounds rejects with InvalidRulesError.
   */
  read(): Promise<StoredRules | null>
  /**
   * Replaces every group's row in one statement (checked with the schema first). A login that
   * may not change the rules (og_agent) is refused with WriteNotPermittedError.
   */
  write(thresholds: EscalationThresholds, change: RulesChange): Promise<void>
}

/** A part of the report columns' read (ReportReads.sessionColumns). */
export interface SessionColumnsPart {
  /** The ids of the rows the part visited, in the order it visited them. */
  ids: SessionIds
  /**
   * Null when the part visited its rows in session_id order; else those rows in session_id
   * order, as indices into the part (PostgreSQL may read the table as it lies on disk).
   */
  order: Uint32Array | null
}

/** The Reports screen's reads: the columns it keeps in memory, and the alerts aggregated. */
export interface ReportReads {
  /**
   * Every session: each row's columns handed to `visit`, and after each part of the read its
   * rows' ids and, unless they came in session_id order, that order (the caller may pause
   * between parts). `profile` is a JSON array of scenario, sentiment, language, model, source
   * and the UTC day of started_at (or null). SQLite reads synchronously on main's thread, so it
   * reads keyset chunks in session_id order, other statements running between them; PostgreSQL
   * streams the whole table in one COPY (one snapshot; main's event loop runs between the
   * socket's chunks), in the table's order when a sample of its pages shows that is nearly the ids'
   * (sessionColumnsCopy.ts), and yields once. `expectedRows` (estimatedSessions, or the last
   * read's size) sizes the backend's buffers.
   */
  sessionColumns(
    visit: SessionColumnVisitor,
    expectedRows?: number
  ): AsyncIterable<SessionColumnsPart>
  /**
   * About how many sessions there are, to size the read's arrays before it (never a count of
   * the table): PostgreSQL's statistics; 0 when unknown.
   */
  estimatedSessions(): Promise<number>
  /**
   * Alerts of the sessions in the filter, which `selection` says from the report columns in
   * memory. SQLite applies the filter in SQL (a key lookup per alert, in-process); PostgreSQL
   * reads the alerted sessions' ids and keeps those the selection holds, so its queries never
   * touch `sessions` (alertFiguresSql.ts says why).
   */
  alertFigures(filter: ReportFilter, selection: ReportSelection): Promise<ReportAlerts>
  /** Contact-center figures by channel of the calls in the filter (channelFigures.ts). */
  channelFigures(filter: ReportFilter): Promise<ReportChannels>
}

/** The sessions a report's filter selects, as the Reports' columns in memory hold them. */
export interface ReportSelection {
  /** How many sessions the filter selects. */
  readonly count: number
  /** Those of `sessionIds` the filter selects, each once, in session_id order. */
  among(sessionIds: readonly string[]): string[]
}

export interface CellCounts {
  counts: Record<Cell, number>
  ids: Record<Cell, string[]>
}

/** The escalation backtest's reads over sessions, counted where the rows are. */
export interface BacktestReads {
  /** Session-level cells of "interruptions ≥ total" vs negative, for rows with no events. */
  sessionLevelCells(filter: SessionFilter, total: number): Promise<CellCounts>
  /** Sessions with stored events (live calls), ids in order. */
  sessionsWithEvents(filter: SessionFilter): Promise<{ session_id: string; sentiment: string }[]>
}

/** Another connection holds the write lock (an import): nothing was written; try again later. */
export class DatabaseBusyError extends Error {
  constructor() {
    super('The session database is busy with another writer (an import)')
  }
}

/** Stored escalation rules that the app's schema refuses: never used, reported with the reason. */
export class InvalidRulesError extends Error {}

/** The database refused this login a write its role may not make (PostgreSQL's 42501). */
export class WriteNotPermittedError extends Error {}

export type ConflictPolicy = 'fail' | 'skip' | 'replace'

/**
 * Where an import's sessions go, in file order: one at a time or as packed batches. add and
 * addBatch may only buffer (a backend writes when its buffer is full, or at flush); a write
 * they start and that fails surfaces at flush() or commit().
 */
export interface SessionBatchSink {
  readonly inserted: number
  readonly replaced: number
  readonly skipped: number
  add(session: LabSession, row: number): void
  addBatch(batch: SessionBatch): void
  /** Writes what add() still holds. */
  flush(): Promise<void>
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
  /** The importing desk's seat: PostgreSQL stores it in `imports`; SQLite ignores it. */
  seat?: string | null
}

/**
 * An all-or-nothing import on a connection of its own: the sessions are staged apart from the
 * database, then checked and written in one short write transaction (readers see all or none).
 * Begun by the backend: `SessionDatabase.beginImport`.
 */
export interface SessionImport {
  /** Where the file's sessions are staged; its counts are final once commit() returned true. */
  readonly sessions: SessionBatchSink
  /** Reports the ids the policy refuses, without the write lock (the file is rejected anyway). */
  reportConflicts(): Promise<void>
  /**
   * Takes the write lock and reports the ids the policy refuses; if there were none, writes the
   * staged sessions, moves the sessions' version when any was written, commits and returns true.
   */
  commit(): Promise<boolean>
  /** Undoes everything (no-op once committed or rolled back). */
  rollback(): Promise<void>
  close(): Promise<void>
}

/** Opens an all-or-nothing import (on a connection of its own). */
export type BeginImport = (options: SessionImportOptions) => Promise<SessionImport>

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

/**
 * The tables bound to one transaction (PostgreSQL: one pooled client; SQLite: the one connection,
 * with transactions queued so that they never interleave). Valid until the transaction ends.
 */
export type TransactionScope = Omit<
  SessionDatabase,
  'transaction' | 'transactionNow' | 'close' | 'beginImport'
>

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
  readonly rules: RulesTable
  readonly webhookDeliveries: WebhookDeliveriesTable
  readonly callAudio: CallAudioTable
  readonly callCommands: CallCommandsTable
  readonly reports: ReportReads
  readonly backtest: BacktestReads
  /**
   * Runs `work` in one write transaction, its statements on `tx` (never on this database, which
   * waits for the transaction to end): committed if it resolves, rolled back if it rejects.
   */
  transaction<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>
  /**
   * As `transaction`, but never waits for another connection's write lock (an import's): rejects
   * with DatabaseBusyError at once instead, so the caller can queue the work or retry it later.
   */
  transactionNow<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>
  /** An all-or-nothing import of sessions, on a connection of its own. */
  beginImport: BeginImport
  close(): Promise<void>
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
  mark(sessionId: string, failure: FinalizeFailure): Promise<void>
  /** The failed calls, by session id, with their event counts; with a seat, as calls.active. */
  list(seat?: string | null): Promise<UnfinalizedCall[]>
  get(sessionId: string): Promise<UnfinalizedCall | null>
  /** Forgets the failure: run in the transaction that finalizes the call. */
  clear(sessionId: string): Promise<void>
}
