import { spawn } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CatalogService, catalogIndexRoot } from '../../../src/main/catalog/CatalogService'
import { offlineEmbeddings } from '../../../src/main/catalog/embeddings/offlineEmbeddings'
import { SentenceEncoderEmbeddings } from '../../../src/main/catalog/embeddings/SentenceEncoderEmbeddings'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'

/** Runs `npm run catalog -- reindex` in a child process and SIGKILLs it once stderr matches. */
function reindexKilledAt(dataDir: string, when: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/cli/catalogMain.ts', 'reindex', '--data-dir', dataDir, '--full'],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk)
      if (when.test(stderr)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(stderr) : reject(new Error(`not killed:\n${stderr}`))
    )
  })
}

/** The offline model, recording the words it is asked to embed. */
class CountingTeacher extends SentenceEncoderEmbeddings {
  readonly asked: string[] = []
  override embed(texts: readonly string[]): Promise<number[][]> {
    this.asked.push(...texts)
    return super.embed(texts)
  }
}

describe('a re-index killed part-way', () => {
  const tmp = useTempDir()

  it(
    'leaves an index that works and completes on the next start',
    { timeout: 180_000 },
    async () => {
      const log = await reindexKilledAt(tmp.path(), /passages 0\//)
      expect(log).toContain('products 25/25')

      // The word vectors the killed run learned are read back, not distilled again.
      const teacher = new CountingTeacher()
      const embeddings = offlineEmbeddings({ indexRoot: catalogIndexRoot(tmp.path()), teacher })
      const restarted = new CatalogService({
        shippedDir: RESOURCES_DIR,
        dataDir: tmp.path(),
        embeddings
      })
      const passages = restarted.status().sources.knowledge.count
      // The products written before the kill are kept; only the passages are embedded now.
      expect((await restarted.reindex()).embedded).toBe(passages)
      expect(teacher.asked).toEqual([])
      expect(restarted.status()).toMatchObject({
        index: { state: 'ready', products: 25, passages }
      })
      const lamp = await restarted.runTool('search_products', { query: 'lampe frontale' })
      expect(lamp.ok && lamp.citations.some((sku) => sku.startsWith('AL-'))).toBe(true)

      // What a kill in the middle of vectra's write leaves: a truncated index file.
      const folder = join(tmp.path(), 'catalog-index', embeddings.id, 'products')
      const file = readdirSync(folder).find((name) => name.endsWith('.json'))!
      writeFileSync(join(folder, file), '{"version":1,"metadata_config":{},"items":[{"id":"TB-')
      const again = new CatalogService({
        shippedDir: RESOURCES_DIR,
        dataDir: tmp.path(),
        embeddings
      })
      expect((await again.reindex()).embedded).toBe(25)
      expect(again.status().index).toMatchObject({ state: 'ready', products: 25, passages })
    }
  )
})
