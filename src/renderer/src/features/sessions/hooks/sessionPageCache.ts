import type { ListedSession } from '@shared/sessions/latencyScales'
import type { SessionFilter, SessionSort } from '@shared/sessions/sessionQuery'
import type { AlertSummary } from '@shared/sessions/alertSummary'
import type { SaidMatch } from '@shared/sessions/saidSearch'

/** What a cache holds pages of; `revision` changes when the stored sessions do. */
export interface SessionQuery {
  filter: SessionFilter
  sort: SessionSort
  revision: number
}
export interface SessionPage {
  rows: ListedSession[]
  total: number
  /** Rows whose call counted no turn (their latency of 0 stands for "none"). */
  noTurnIds?: readonly string[]
  /** The rows' alerts summed up. */
  alerts?: readonly AlertSummary[]
  /** Where the search's words were said, per matching row. */
  matches?: readonly SaidMatch[]
}

/** The rows with what main sent beside them set on each (rows without any are kept as they are). */
function withMarks(
  rows: ListedSession[],
  noTurnIds: readonly string[],
  alerts: readonly AlertSummary[],
  matches: readonly SaidMatch[]
): ListedSession[] {
  if (noTurnIds.length === 0 && alerts.length === 0 && matches.length === 0) return rows
  const noTurn = new Set(noTurnIds)
  const alertsOf = new Map(alerts.map((summary) => [summary.sessionId, summary]))
  const matchOf = new Map(matches.map((match) => [match.sessionId, match]))
  return rows.map((row) => {
    const id = row.session_id
    const marked: ListedSession = { ...row }
    if (noTurn.has(id)) marked.noCountedTurn = true
    const summary = alertsOf.get(id)
    if (summary) marked.alerts = summary
    const match = matchOf.get(id)
    if (match) marked.said = match
    return marked
  })
}
export type FetchSessionPage = (
  query: SessionQuery,
  offset: number,
  limit: number
) => Promise<SessionPage>

export interface PageCacheOptions {
  /** Rows per request; main accepts at most 500. */
  pageSize?: number
  /** Pages kept in memory; the least recently viewed go first, so 100k rows stay light. */
  maxPages?: number
}

/**
 * The pages of one query, fetched on demand as rows scroll into view. Each instance stands for
 * one filter + sort + revision: a new one gets a new cache, so late answers to an old query can
 * never land in the new one.
 */
export class SessionPageCache {
  readonly pageSize: number
  readonly maxPages: number
  private readonly pages = new Map<number, ListedSession[]>() // insertion order = recency
  private readonly pending = new Map<number, Promise<void>>()
  private readonly listeners = new Set<() => void>()
  private knownTotal: number | null = null
  private lastError: unknown = null
  private version = 0

  constructor(
    readonly query: SessionQuery,
    private readonly fetchPage: FetchSessionPage,
    options: PageCacheOptions = {}
  ) {
    this.pageSize = options.pageSize ?? 200
    this.maxPages = Math.max(2, options.maxPages ?? 50)
  }

  /** Matching rows in the database, once the first page has answered. */
  get total(): number | null {
    return this.knownTotal
  }

  /** The last failed fetch, cleared by the next successful one. */
  get error(): unknown {
    return this.lastError
  }

  rowAt(index: number): ListedSession | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Loads every page that rows `start`..`end` (inclusive) touch and is not cached or in flight. */
  ensureRange(start: number, end: number): Promise<void> {
    const lastIndex = this.knownTotal === null ? end : Math.min(end, this.knownTotal - 1)
    const first = Math.floor(Math.max(0, start) / this.pageSize)
    const last = Math.floor(Math.max(0, lastIndex) / this.pageSize)
    const waits: Promise<void>[] = []
    for (let page = first; page <= last; page++) {
      const rows = this.pages.get(page)
      if (rows) {
        this.pages.delete(page) // re-insert: now the most recently viewed
        this.pages.set(page, rows)
        continue
      }
      const inFlight = this.pending.get(page) ?? this.load(page)
      waits.push(inFlight)
    }
    return Promise.all(waits).then(() => undefined)
  }

  /** For useSyncExternalStore: a number that changes whenever rows, total or error do. */
  readonly getVersion = (): number => this.version

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  private load(page: number): Promise<void> {
    const loading = this.fetchPage(this.query, page * this.pageSize, this.pageSize)
      .then(
        ({ rows, total, noTurnIds = [], alerts = [], matches = [] }) => {
          this.pages.set(page, withMarks(rows, noTurnIds, alerts, matches))
          this.knownTotal = total
          this.lastError = null
          this.evict()
        },
        (error: unknown) => {
          this.lastError = error
        }
      )
      .finally(() => {
        this.pending.delete(page)
        this.version++
        for (const listener of this.listeners) listener()
      })
    this.pending.set(page, loading)
    return loading
  }

  private evict(): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break
      this.pages.delete(page)
    }
  }
}
