import { parentPort, workerData } from 'node:worker_threads'
import { EmbeddingsWorkerData } from './embeddingsWorkerMessages'
import { serveEmbeddings } from './serveEmbeddings'

// Worker entry: the offline provider (the sentence model and the word vectors distilled from it)
// on its own thread, so loading the model and distilling never stall main's event loop.
const { closed, indexRoot, learnFromQueries } = EmbeddingsWorkerData.parse(workerData)
await serveEmbeddings(parentPort!, new Int32Array(closed), async () => {
  // Imported here rather than at the top: TensorFlow.js installs its error handlers as it is
  // imported, and a bundle evaluates its packages' imports before any of its own code.
  const { offlineEmbeddings } = await import('./offlineEmbeddings')
  return offlineEmbeddings({ indexRoot, learnFromQueries })
})
