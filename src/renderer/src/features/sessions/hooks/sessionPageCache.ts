import type { ListedSession } from '@shared/sessions/latencyScales'
import type { SessionFilter, SessionSort } from '@shared/sessions/sessionQuery'

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
        ({ rows, total, noTurnIds = [] }) => {
          const noTurn = new Set(noTurnIds)
          this.pages.set(
            page,
            noTurn.size === 0
              ? rows
              : rows.map((row) =>
                  noTurn.has(row.session_id) ? { ...row, noCountedTurn: true as const } : row
                )
          )
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
