import { SENTENCE_ENCODER } from './sentenceEncoderIdentity'
import { WORD_VECTORS_MIN_SIMILARITY, wordVectorsId } from './WordVectorEmbeddings'
import { WorkerEmbeddings } from './WorkerEmbeddings'

export interface OfflineEmbeddingsInWorkerOptions {
  /** The catalog index folder: the learned word vectors are kept under it (memory only without). */
  indexRoot?: string
  learnFromQueries?: boolean
  /** Lets tests and the harness run the TypeScript entry (`['--import', 'tsx']`). */
  execArgv?: string[]
}

/**
 * The app's offline provider (offlineEmbeddings) on a worker thread: the same vectors, but the
 * model's load, the distillation and every embedding run off main's thread, and TensorFlow.js
 * is never imported into main. `workerScript` is the bundled offlineEmbeddingsWorker.
 */
export function offlineEmbeddingsInWorker(
  workerScript: URL | string,
  options: OfflineEmbeddingsInWorkerOptions = {}
): WorkerEmbeddings {
  return new WorkerEmbeddings({
    script: workerScript,
    execArgv: options.execArgv,
    serves: {
      id: wordVectorsId(SENTENCE_ENCODER.id),
      dimensions: SENTENCE_ENCODER.dimensions,
      minSimilarity: WORD_VECTORS_MIN_SIMILARITY
    },
    workerData: { indexRoot: options.indexRoot, learnFromQueries: options.learnFromQueries }
  })
}
