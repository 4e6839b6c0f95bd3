import { join } from 'node:path'
import type { AgentToolResult } from '../../shared/catalog/agentTools'
import type { CatalogStatus, IndexProgress } from '../../shared/catalog/catalogStatus'
import type { EmbeddingProvider } from './embeddings/EmbeddingProvider'
import type { VectorSide } from './HybridCatalogSearch'
import { importCatalogFile, type CatalogImportOutcome } from './importCatalogFile'
import { catalogSourcePath, loadCatalogSources, type CatalogSourceKind } from './loadCatalogSources'
import { buildAgentCatalog, type Catalog } from './openAgentCatalog'
import { runAgentTool } from './runAgentTool'
import { passageDocuments, productDocuments } from './vectorDocuments'
import { VectorCorpusIndex } from './VectorCorpusIndex'

export interface CatalogServiceOptions {
  /** The shipped sources (resources/). */
  shippedDir: string
  /** The user-data folder: imported sources and the vector indexes live under it. */
  dataDir: string
  /** Vector side of retrieval at start (see useEmbeddings); without one, lexical search only. */
  embeddings?: EmbeddingProvider
  /** Read on every search: Settings can turn the vector side off without a restart. */
  retrieval?: () => 'hybrid' | 'lexical'
  onProgress?: (progress: IndexProgress) => void
  onChanged?: (status: CatalogStatus) => void
  now?: () => number
}

/** Where the vector indexes (and what their provider learned) live under the data folder. */
/** Calls of each tool at warm-up: enough for V8 to compile their paths, ~0.1 s in all. */
const WARM_UP_ROUNDS = 20

export const catalogIndexRoot = (dataDir: string): string => join(dataDir, 'catalog-index')

export interface ReindexSummary {
  embedded: number
  ms: number
}

/**
 * The agent's knowledge in main: the sources (shipped, or imported by the user), lexical search
 * at once, and the vector indexes built in the background. The tools use hybrid retrieval when
 * the vectors for the current sources are ready, and lexical search until then.
 */
export class CatalogService {
  private catalog: Catalog
  private vector: VectorSide | undefined
  private running: Promise<ReindexSummary> | undefined
  private runningFor: EmbeddingProvider | undefined
  private queued: Promise<unknown> = Promise.resolve()
  private state: CatalogStatus['index']['state']
  private error: string | null = null
  private builtAt: number | null = null
  private lastRun: ReindexSummary | null = null
  private indexed = { products: 0, passages: 0 }
  private closed = false
  private embeddings: EmbeddingProvider | undefined
  /** Every provider this service was given: each is closed once, at close(). */
  private readonly providers = new Set<EmbeddingProvider>()
  private readonly overrideDir: string
  private readonly indexRoot: string
  private readonly now: () => number

  constructor(private readonly options: CatalogServiceOptions) {
    this.overrideDir = join(options.dataDir, 'catalog')
    this.indexRoot = catalogIndexRoot(options.dataDir)
    this.now = options.now ?? Date.now
    this.catalog = this.load()
    this.embeddings = options.embeddings
    if (options.embeddings) this.providers.add(options.embeddings)
    this.state = options.embeddings ? 'stale' : 'off'
  }

  get current(): Catalog {
    return this.catalog
  }

  runTool(name: string, args: unknown): Promise<AgentToolResult> {
    return runAgentTool(this.catalog, name, args)
  }

  status(): CatalogStatus {
    const origin = (kind: CatalogSourceKind): 'shipped' | 'imported' =>
      catalogSourcePath(kind, this.options.shippedDir, this.overrideDir).origin
    const { sources, passages } = this.catalog
    return {
      sources: {
        products: { count: sources.products.length, origin: origin('products') },
        orders: { count: sources.orders.length, origin: origin('orders') },
        knowledge: { count: passages.length, origin: origin('knowledge') }
      },
      index: {
        provider: this.embeddings?.id ?? null,
        dimensions: this.embeddings?.dimensions ?? null,
        state: this.state,
        products: this.indexed.products,
        passages: this.indexed.passages,
        builtAt: this.builtAt,
        lastRun: this.lastRun,
        error: this.error
      },
      retrieval: this.catalog.search.mode
    }
  }

  /**
   * Brings the vector indexes in line with the sources: only changed items are embedded, or all
   * of them with `full`. One run at a time; a second call joins the running one.
   */
  reindex(full = false): Promise<ReindexSummary> {
    const embeddings = this.embeddings
    if (!embeddings)
      return Promise.reject(new Error('Vector search is off: no embedding provider is configured.'))
    if (this.closed) return Promise.reject(new Error('The catalog is closed.'))
    // A run for a provider Settings have since replaced is not joined: this one follows it.
    if (this.running && this.runningFor !== embeddings)
      return this.afterRunning().then(() => this.reindex(full))
    if (!this.running) {
      this.runningFor = embeddings
      this.running = this.build(embeddings, full).finally(() => {
        this.running = undefined
        this.runningFor = undefined
      })
    }
    return this.running
  }

  /**
   * Loads what a search needs now (the embedding model, the tools compiled), so the first
   * callers do not pay for it.
   */
  async warmUp(): Promise<void> {
    await this.embeddings?.embedQuery('warm-up')
    // The tools' own code too (argument checks, lexical search, the vector side and the fusion,
    // lookups): on a fresh process each one's first call took ~10 ms of compiling, paid by the
    // first callers of every gateway instance (bench:gateway's tool round trip tail).
    const { products, passages, sources } = this.catalog
    const product = products[0]
    const runs: [string, Record<string, unknown>][] = [
      ['search_products', { query: product?.name ?? 'tent' }],
      // Words the catalog does not use: lexical search is unsure, so the vectors are asked.
      ['search_products', { query: 'something for a weekend away', max_price: 500 }],
      ['search_policies', { query: passages[0]?.title ?? 'returns' }],
      ['get_product', { id_or_sku: product?.sku ?? 'none' }],
      ['lookup_order', { order_id: sources.orders[0]?.order_id ?? 'none' }]
    ]
    for (let round = 0; round < WARM_UP_ROUNDS; round++)
      for (const [name, args] of runs) await this.runTool(name, JSON.stringify(args))
  }

  /**
   * Switches the vector side to another provider (Settings): the tools answer lexically until
   * that provider's index is in line with the sources. Its index is kept apart from the
   * others', so switching back re-embeds nothing that did not change.
   */
  useEmbeddings(next: EmbeddingProvider | undefined): void {
    if (next === this.embeddings || this.closed) return
    if (next) this.providers.add(next)
    this.embeddings = next
    this.vector = undefined
    this.indexed = { products: 0, passages: 0 }
    this.builtAt = null
    this.lastRun = null
    this.error = null
    this.state = next ? 'stale' : 'off'
    this.changed()
    if (next) this.queueReindex()
  }

  /** After a new API key: an index that failed (for want of one) is tried again with it. */
  retryIfFailed(): void {
    if (this.state === 'failed') this.queueReindex()
  }

  /** Validates and stores a user's source file, then reloads and re-indexes what changed. */
  async import(kind: CatalogSourceKind, path: string): Promise<CatalogImportOutcome> {
    const outcome = importCatalogFile(kind, path, this.overrideDir)
    if (outcome.status === 'imported') {
      this.catalog = this.load()
      if (this.embeddings) {
        this.state = 'stale'
        // The answer to the import does not wait for embeddings; a failure shows in status().
        this.queueReindex()
      }
      this.changed()
    }
    return outcome
  }

  /** Resolves when no indexing is running or queued (tests, orderly shutdown). */
  async idle(): Promise<void> {
    await this.queued
    await this.afterRunning()
  }

  /** Stops reporting; a run in progress finishes its current batch and is then ignored. */
  close(): void {
    this.closed = true
    for (const provider of this.providers) provider.close?.()
  }

  private load(): Catalog {
    return buildAgentCatalog(loadCatalogSources(this.options.shippedDir, this.overrideDir), () =>
      this.options.retrieval?.() === 'lexical' ? undefined : this.vector
    )
  }

  /** An incremental run once the current one ends; its failure shows in status(). */
  private queueReindex(): void {
    this.queued = this.afterRunning().then(() => this.reindex().catch(() => undefined))
  }

  private async afterRunning(): Promise<void> {
    await this.running?.catch(() => undefined)
  }

  private async build(embeddings: EmbeddingProvider, full: boolean): Promise<ReindexSummary> {
    const started = performance.now()
    const catalog = this.catalog
    const products = new VectorCorpusIndex(this.indexRoot, 'products', embeddings)
    const passages = new VectorCorpusIndex(this.indexRoot, 'passages', embeddings)
    this.state = 'building'
    this.error = null
    this.changed()
    try {
      let embedded = await products.sync(
        productDocuments(catalog.products),
        this.progressOf('products', embeddings),
        full
      )
      embedded += await passages.sync(
        passageDocuments(catalog.passages),
        this.progressOf('passages', embeddings),
        full
      )
      // Settings switched providers while this ran: its vectors no longer answer queries.
      if (embeddings !== this.embeddings) return { embedded, ms: performance.now() - started }
      this.indexed = { products: await products.size(), passages: await passages.size() }
      this.vector = { products, passages }
      this.lastRun = { embedded, ms: performance.now() - started }
      this.builtAt = this.now()
      // Sources imported while this ran are embedded by the run the import queued.
      this.state = catalog === this.catalog ? 'ready' : 'stale'
      return this.lastRun
    } catch (error) {
      if (embeddings === this.embeddings) {
        this.state = 'failed'
        this.error = error instanceof Error ? error.message : String(error)
      }
      throw error
    } finally {
      this.changed()
    }
  }

  /** A corpus's sync progress as the screen shows it: words learned, then documents embedded. */
  private progressOf(corpus: 'products' | 'passages', embeddings: EmbeddingProvider) {
    return (done: number, total: number, stage: 'words' | 'documents'): void => {
      // A run for a replaced provider no longer speaks for the index.
      if (embeddings === this.embeddings)
        this.progress({ phase: stage === 'words' ? 'words' : corpus, done, total })
    }
  }

  private progress(progress: IndexProgress): void {
    if (!this.closed) this.options.onProgress?.(progress)
  }

  private changed(): void {
    if (!this.closed) this.options.onChanged?.(this.status())
  }
}
