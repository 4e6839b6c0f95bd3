import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { threadId, Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CatalogService } from '../../../src/main/catalog/CatalogService'
import {
  WorkerEmbeddings,
  type WorkerEmbeddingsOptions
} from '../../../src/main/catalog/embeddings/WorkerEmbeddings'
import { RESOURCES_DIR, useTempDir } from '../../support/tempDir'

// The stand-in worker (test/support/fakeEmbeddingsWorker.ts) runs through tsx, as the harness
// runs the real one; its vectors are [thread id, error handler counts, text length].
const FAKE_WORKER = new URL('../../support/fakeEmbeddingsWorker.ts', import.meta.url)
const FAKE = { id: 'fake-words', dimensions: 4, minSimilarity: 0.5 }

describe('WorkerEmbeddings', () => {
  const tmp = useTempDir()
  const providers: WorkerEmbeddings[] = []
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.close()
    vi.restoreAllMocks()
  })
  const open = (options: Partial<WorkerEmbeddingsOptions> = {}): WorkerEmbeddings => {
    const provider = new WorkerEmbeddings({
      script: FAKE_WORKER,
      execArgv: ['--import', 'tsx'],
      serves: FAKE,
      workerData: { indexRoot: tmp.path() },
      ...options
    })
    providers.push(provider)
    return provider
  }

  it('embeds on another thread, without the error handlers its model installed there', async () => {
    const embeddings = open()
    const [first, second] = await embeddings.embed(['tent', 'headlamp'])
    expect(first![0]).not.toBe(threadId)
    // Both rethrowing handlers were removed once the provider loaded.
    expect(first!.slice(1)).toEqual([0, 0, 4])
    expect(second![3]).toBe(8)
    expect(await embeddings.embedQuery('boots')).toEqual([first![0], 0, 0, 5])
    expect(await embeddings.embed([])).toEqual([])
  })

  it('relays prepare()\u2019s progress', async () => {
    const progress: string[] = []
    await open().prepare(['a', 'b', 'c'], (done, total) => progress.push(`${done}/${total}`))
    expect(progress).toEqual(['1/3', '2/3', '3/3'])
  })

  it('fails a request with its error and keeps the worker', async () => {
    const embeddings = open()
    const [before] = await embeddings.embed(['tent'])
    await expect(embeddings.embed(['fail'])).rejects.toThrow('The model weights are missing.')
    expect((await embeddings.embed(['tent']))[0]![0]).toBe(before![0])
  })

  it('fails every waiting request when the worker crashes, and starts a new one on the next', async () => {
    const embeddings = open()
    const [before] = await embeddings.embed(['tent'])
    const waiting = embeddings.embedQuery('hang')
    await expect(embeddings.embed(['crash'])).rejects.toThrow(
      'The embeddings worker failed: the model ran out of memory'
    )
    await expect(waiting).rejects.toThrow('the model ran out of memory')
    const [after] = await embeddings.embed(['tent'])
    expect(after![0]).not.toBe(before![0])

    await expect(embeddings.embedQuery('exit')).rejects.toThrow(
      'The embeddings worker stopped (exit code 3).'
    )
    expect(await embeddings.embedQuery('tent')).toHaveLength(4)
  })

  it('checks what crosses from the worker: message shape, vector size, finite numbers, identity', async () => {
    const embeddings = open()
    await expect(embeddings.embedQuery('nan')).rejects.toThrow('not finite')
    await expect(embeddings.embedQuery('garbage')).rejects.toThrow(
      /sent an invalid message: .*data/s
    )
    const tooWide = open({ serves: { ...FAKE, dimensions: 8 } })
    await expect(tooWide.embedQuery('tent')).rejects.toThrow(
      'The embeddings worker serves fake-words (4 dims, floor 0.5), not fake-words (8 dims, floor 0.5).'
    )
  })

  it('reports a worker that cannot start, and tries again on the next request', async () => {
    const embeddings = open({ script: new URL('./no-such-worker.ts', FAKE_WORKER) })
    await expect(embeddings.embedQuery('tent')).rejects.toThrow(
      /embeddings worker failed: .*Cannot find/
    )
    await expect(embeddings.embed(['tent'])).rejects.toThrow(/Cannot find/)
  })

  it('lets the worker write on close(), then terminates it; later requests fail', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    const embeddings = open()
    const [vector] = await embeddings.embed(['tent'])
    const waiting = embeddings.embedQuery('hang')
    embeddings.close()
    // Written before close() returned: main waited for it.
    expect(readFileSync(join(tmp.path(), 'written-on-close'), 'utf8')).toBe(String(vector![0]))
    await expect(waiting).rejects.toThrow('The embeddings worker was closed.')
    expect(terminate).toHaveBeenCalledOnce()
    // terminate() resolves with the exit code once the thread has stopped.
    expect(await terminate.mock.results[0]!.value).toBe(1)
    await expect(embeddings.embed(['tent'])).rejects.toThrow('The embeddings worker was closed.')
  })

  it('starts no worker before the first request, so closing an unused one is free', () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    open().close()
    expect(terminate).not.toHaveBeenCalled()
    expect(existsSync(join(tmp.path(), 'written-on-close'))).toBe(false)
  })

  it('leaves the catalog lexical, with the reason, when the worker fails', async () => {
    const embeddings = open({ script: new URL('./no-such-worker.ts', FAKE_WORKER) })
    const catalog = new CatalogService({
      shippedDir: RESOURCES_DIR,
      dataDir: tmp.path(),
      embeddings
    })
    await expect(catalog.reindex()).rejects.toThrow(/embeddings worker failed/)
    expect(catalog.status().index).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('embeddings worker failed')
    })
    const result = await catalog.runTool('search_products', { query: 'headlamp' })
    expect(result.ok && result.citations.length).toBeGreaterThan(0)
    catalog.close()
  })
})
