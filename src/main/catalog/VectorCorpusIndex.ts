import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { LocalIndex } from 'vectra'
import type { EmbeddingProvider } from './embeddings/EmbeddingProvider'

export interface CorpusDocument {
  id: string
  text: string
}

// Small enough that progress moves visibly on a 25-product catalog.
const EMBED_BATCH = 16

/**
 * One corpus (products, or policy passages) in a vectra index on disk, per embedding provider.
 * Re-indexing embeds only documents whose text changed (content hashes in the metadata) and
 * writes in one batch (vectra rewrites its whole JSON file on every write). An index file that
 * no longer loads (a crash mid-write) is deleted and rebuilt from the sources.
 */
export class VectorCorpusIndex {
  private readonly index: LocalIndex
  private readonly folder: string

  constructor(
    root: string,
    corpus: string,
    private readonly provider: EmbeddingProvider
  ) {
    this.folder = join(root, provider.id, corpus)
    this.index = new LocalIndex(this.folder)
  }

  /**
   * Brings the index in line with the documents; returns how many were embedded. `full`
   * re-embeds every document (after a model update that kept its id, or to rule out damage).
   * A static provider first learns the documents' new words (at first start, its whole base
   * vocabulary: seconds of model time), reported as the 'words' stage.
   */
  async sync(
    documents: readonly CorpusDocument[],
    onProgress?: (done: number, total: number, stage: 'words' | 'documents') => void,
    full = false
  ): Promise<number> {
    await this.provider.prepare?.(
      documents.map((d) => d.text),
      (done, total) => onProgress?.(done, total, 'words')
    )
    const stored = await this.storedHashes()
    const wanted = new Map(documents.map((d) => [d.id, hashOf(d.text)]))
    const changed = full
      ? [...documents]
      : documents.filter((d) => stored.get(d.id) !== wanted.get(d.id))
    const removed = [...stored.keys()].filter((id) => !wanted.has(id))
    if (changed.length === 0 && removed.length === 0) return 0
    onProgress?.(0, changed.length, 'documents')
    const vectors: number[][] = []
    for (let i = 0; i < changed.length; i += EMBED_BATCH) {
      vectors.push(
        ...(await this.provider.embed(changed.slice(i, i + EMBED_BATCH).map((d) => d.text)))
      )
      onProgress?.(Math.min(i + EMBED_BATCH, changed.length), changed.length, 'documents')
    }
    await this.index.beginUpdate()
    try {
      for (const id of removed) await this.index.deleteItem(id)
      for (const [i, doc] of changed.entries()) {
        // A document with nothing the provider can embed (no known word) has a zero vector:
        // vectra would score it NaN against every query and jam its top-k. Left out, it is
        // simply embedded again on the next sync.
        if (isZero(vectors[i]!)) {
          await this.index.deleteItem(doc.id)
          continue
        }
        await this.index.upsertItem({
          id: doc.id,
          vector: vectors[i]!,
          metadata: { hash: wanted.get(doc.id)! }
        })
      }
      await this.index.endUpdate()
    } catch (error) {
      this.index.cancelUpdate()
      throw error
    }
    return changed.length
  }

  /**
   * Document ids by cosine similarity to the query, best first, above the provider's noise
   * floor; none when the query has nothing the provider can embed (no known word).
   */
  async query(text: string, k: number): Promise<{ id: string; score: number }[]> {
    const vector = await this.provider.embedQuery(text)
    if (isZero(vector)) return []
    const results = await this.index.queryItems(vector, '', k)
    return results
      .filter((r) => r.score >= this.provider.minSimilarity)
      .map((r) => ({ id: String(r.item.id), score: r.score }))
  }

  /** Items in the index (0 when it does not exist yet). */
  async size(): Promise<number> {
    return (await this.index.isIndexCreated()) ? (await this.index.listItems()).length : 0
  }

  private async storedHashes(): Promise<Map<string, string>> {
    try {
      if (!(await this.index.isIndexCreated())) {
        await this.index.createIndex({ version: 1 })
        return new Map()
      }
      const items = await this.index.listItems()
      return new Map(items.map((item) => [String(item.id), String(item.metadata['hash'])]))
    } catch {
      // Unreadable (truncated by a crash mid-write): start again from the sources.
      rmSync(this.folder, { recursive: true, force: true })
      await this.index.createIndex({ version: 1, deleteIfExists: true })
      return new Map()
    }
  }
}

const isZero = (vector: readonly number[]): boolean => vector.every((x) => x === 0)
const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex')
