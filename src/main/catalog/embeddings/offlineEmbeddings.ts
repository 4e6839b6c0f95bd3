import { join } from 'node:path'
import { OUTDOOR_GLOSSARY } from '../../../shared/catalog/outdoorGlossary'
import { SentenceEncoderEmbeddings } from './SentenceEncoderEmbeddings'
import { WordVectorEmbeddings, wordVectorsId } from './WordVectorEmbeddings'

export interface OfflineEmbeddingsOptions {
  /** The catalog index folder: the learned word vectors are kept under it (memory only without). */
  indexRoot?: string
  /** To share one loaded model (benchmarks). */
  teacher?: SentenceEncoderEmbeddings
  learnFromQueries?: boolean
}

/**
 * The offline provider the app uses: word vectors distilled from the Universal Sentence Encoder
 * lite shipped in npm, over its common words, the glossary's English terms and the catalog's
 * words.
 */
export function offlineEmbeddings(options: OfflineEmbeddingsOptions = {}): WordVectorEmbeddings {
  const teacher = options.teacher ?? new SentenceEncoderEmbeddings()
  return new WordVectorEmbeddings({
    teacher,
    baseVocabulary: () => teacher.wholeWords(),
    extraVocabulary: Object.values(OUTDOOR_GLOSSARY),
    cacheFile:
      options.indexRoot && join(options.indexRoot, wordVectorsId(teacher.id), 'word-vectors.bin'),
    learnFromQueries: options.learnFromQueries
  })
}
