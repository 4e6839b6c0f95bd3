import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parentPort, threadId, workerData } from 'node:worker_threads'
import type { EmbeddingProvider } from '../../src/main/catalog/embeddings/EmbeddingProvider'
import { EmbeddingsWorkerData } from '../../src/main/catalog/embeddings/embeddingsWorkerMessages'
import { serveEmbeddings } from '../../src/main/catalog/embeddings/serveEmbeddings'

// A worker entry like offlineEmbeddingsWorker, serving a stand-in provider whose vectors say
// where they were made: [the thread's id, its uncaughtException and unhandledRejection handler
// counts, the text's length]. Some texts misbehave, as a model or its runtime could.
const { closed, indexRoot } = EmbeddingsWorkerData.parse(workerData)
const never = new Promise<never>(() => undefined)

function vectorOf(text: string): Promise<number[]> | number[] {
  if (text === 'crash')
    setTimeout(() => {
      throw new Error('the model ran out of memory')
    })
  else if (text === 'exit') process.exit(3)
  else if (text === 'fail') throw new Error('The model weights are missing.')
  else if (text === 'nan') return [Number.NaN, 0, 0, 0]
  else if (text === 'garbage')
    parentPort!.postMessage({ type: 'vectors', request: 1, data: [1, 2, 3, 4] })
  if (['crash', 'garbage', 'hang'].includes(text)) return never
  return [
    threadId,
    process.listenerCount('uncaughtException'),
    process.listenerCount('unhandledRejection'),
    text.length
  ]
}

const fake: EmbeddingProvider = {
  id: 'fake-words',
  dimensions: 4,
  minSimilarity: 0.5,
  prepare: async (texts, onProgress) => texts.forEach((_, i) => onProgress?.(i + 1, texts.length)),
  embed: async (texts) => Promise.all(texts.map(vectorOf)),
  embedQuery: async (text) => vectorOf(text),
  // What it has not written yet goes to disk on close, as WordVectorEmbeddings' table does.
  close: () => {
    if (indexRoot) writeFileSync(join(indexRoot, 'written-on-close'), String(threadId))
  }
}

await serveEmbeddings(parentPort!, new Int32Array(closed), async () => {
  // What TensorFlow.js's WASM glue installs as it loads: handlers that rethrow.
  process.on('uncaughtException', (error) => {
    throw error
  })
  process.on('unhandledRejection', (reason) => {
    throw reason
  })
  return fake
})
