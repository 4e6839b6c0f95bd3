import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { offlineEmbeddings } from '../../../src/main/catalog/embeddings/offlineEmbeddings'
import { offlineEmbeddingsInWorker } from '../../../src/main/catalog/embeddings/offlineEmbeddingsInWorker'
import { useTempDir } from '../../support/tempDir'

// The real worker entry, its TypeScript run through tsx (the app runs the bundled one). Each
// test loads the sentence model cold and distils its ~4,300 base words: seconds, not a timing.
const WORKER = new URL(
  '../../../src/main/catalog/embeddings/offlineEmbeddingsWorker.ts',
  import.meta.url
)
const PROVIDER = new URL(
  '../../../src/main/catalog/embeddings/offlineEmbeddingsInWorker.ts',
  import.meta.url
)
const TSX = ['--import', 'tsx']
const SLOW = { timeout: 180_000 }
const DOCS = [
  'Waterproof hiking boots with a Vibram outsole',
  'Two-person four-season tent with aluminium poles',
  'Rechargeable headlamp, 350 lumens, red night mode'
]

describe('offlineEmbeddingsInWorker', () => {
  const tmp = useTempDir()

  it('gives the in-thread provider\u2019s vectors, and keeps what it learned', SLOW, async () => {
    const inWorker = offlineEmbeddingsInWorker(WORKER, { indexRoot: tmp.path(), execArgv: TSX })
    const inThread = offlineEmbeddings()
    expect([inWorker.id, inWorker.dimensions, inWorker.minSimilarity]).toEqual([
      inThread.id,
      inThread.dimensions,
      inThread.minSimilarity
    ])
    const progress: [number, number][] = []
    await inWorker.prepare(DOCS, (done, total) => progress.push([done, total]))
    // The base vocabulary first (a first run), then the documents' new words.
    expect(progress[0]![1]).toBeGreaterThan(4000)
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1])

    expect(await inWorker.embed(DOCS)).toEqual(await inThread.embed(DOCS))
    for (const question of ['boots for the rain', 'une lampe frontale', 'the of and'])
      expect(await inWorker.embedQuery(question)).toEqual(await inThread.embedQuery(question))
    inWorker.close()
    expect(existsSync(join(tmp.path(), inWorker.id, 'word-vectors.bin'))).toBe(true)
  })

  it(
    'never loads TensorFlow.js into main: main\u2019s process gets no error handlers',
    SLOW,
    async () => {
      // A fresh process, as Electron's main: this test's own process has loaded the model.
      const script = `
        const counts = () =>
          ['uncaughtException', 'unhandledRejection'].map((e) => process.listenerCount(e))
        const before = counts()
        const { offlineEmbeddingsInWorker } = await import(${JSON.stringify(PROVIDER.href)})
        const embeddings = offlineEmbeddingsInWorker(new URL(${JSON.stringify(WORKER.href)}), {
          execArgv: ['--import', 'tsx']
        })
        const [vector] = await embeddings.embed(['waterproof boots'])
        const after = counts()
        embeddings.close()
        console.log(JSON.stringify({ before, after, embedded: vector.some((x) => x !== 0) }))
      `
      const { stdout } = await promisify(execFile)(process.execPath, [
        ...TSX,
        '--input-type=module',
        '--eval',
        script
      ])
      const { before, after, embedded } = JSON.parse(stdout)
      expect(embedded).toBe(true)
      expect(after).toEqual(before)
    }
  )
})
