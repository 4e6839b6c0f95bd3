import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { EmbeddingProvider, Progress } from './EmbeddingProvider'
import { meaningfulWords, WordVectorTable } from './WordVectorTable'

export interface WordVectorEmbeddingsOptions {
  /** The sentence model the word vectors are distilled from (it embeds one word at a time). */
  teacher: EmbeddingProvider
  /**
   * Words known from the start, whose mean vector is the table's centre: the teacher's own
   * common words, fixed for a given teacher, so the centre (and every stored vector) is too.
   */
  baseVocabulary: () => Promise<readonly string[]>
  /** Words always learned with the documents (the glossary's English terms). */
  extraVocabulary?: readonly string[]
  /** Where the learned vectors are kept between runs; in memory only without it. */
  cacheFile?: string
  /** Learn the unknown words of questions for the next ones (default); off in the eval. */
  learnFromQueries?: boolean
  /** How long words learned from questions wait to be written (the table is rewritten whole). */
  saveDelayMs?: number
  /** How long a question's unknown words wait to be learned, with those of the questions after. */
  learnDelayMs?: number
}

// Words per teacher call while distilling: large batches amortise TensorFlow.js's overhead.
const TEACHER_BATCH = 256
// On 15 off-topic questions, 3 passed this cosine against the shipped catalog (at most 0.39,
// "what is the weather today"; the sentence model itself let 6 through), and the paraphrases
// that only the vectors find scored 0.31–0.37.
export const WORD_VECTORS_MIN_SIMILARITY = 0.3
// The table stops learning from questions once it holds this many words in all (about 40 MB).
const MAX_WORDS = 20_000
const SAVE_DELAY_MS = 10_000
// Learning runs the model (~10 ms, more on a busy machine) on the thread that answers queries:
// right away, every question asked during it waited, and a burst of calls asking the same new
// word all did. After a pause, once, for the whole burst's new words.
const LEARN_DELAY_MS = 250

/** The provider's id, also the folder of its indexes (and of its cached table). */
export const wordVectorsId = (teacherId: string): string => `${teacherId}-words`

/**
 * Static word vectors distilled from the offline sentence model (model2vec-style): each word's
 * vector is the teacher's vector for that word alone, learned once for the base vocabulary and
 * for every word of the indexed documents, and kept on disk. A query's vector is then a sum of
 * table rows, about 0.02 ms instead of a model run of 8–16 ms, so a search never waits on the
 * model. A question's word the table has never seen is skipped for that question and learned
 * in the background, after a short pause, for the next one.
 */
export class WordVectorEmbeddings implements EmbeddingProvider {
  readonly id: string
  readonly dimensions: number
  readonly minSimilarity = WORD_VECTORS_MIN_SIMILARITY
  private table: Promise<WordVectorTable> | undefined
  // Learning runs one at a time, so two re-indexes never distil or write the same words twice.
  private learning: Promise<unknown> = Promise.resolve()
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private unsaved: WordVectorTable | undefined
  /** Questions' words waiting for learnTimer. */
  private readonly toLearn = new Set<string>()
  private learnTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly options: WordVectorEmbeddingsOptions) {
    this.id = wordVectorsId(options.teacher.id)
    this.dimensions = options.teacher.dimensions
  }

  async prepare(texts: readonly string[], onProgress?: Progress): Promise<void> {
    const words = [...(this.options.extraVocabulary ?? []), ...texts].flatMap(meaningfulWords)
    await this.queueLearning(words, 'now', onProgress)
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    await this.prepare(texts)
    const table = await this.loaded()
    return texts.map((text) => table.vectorOf(meaningfulWords(text)))
  }

  async embedQuery(text: string): Promise<number[]> {
    const table = await this.loaded()
    const words = meaningfulWords(text)
    const learns = this.options.learnFromQueries !== false && table.size < MAX_WORDS
    const newWords = learns ? table.unknown(words) : []
    if (newWords.length > 0) {
      for (const word of newWords) this.toLearn.add(word)
      this.learnTimer ??= setTimeout(
        () => this.learnQuestionWords(),
        this.options.learnDelayMs ?? LEARN_DELAY_MS
      ).unref()
    }
    return table.vectorOf(words)
  }

  /** Resolves once the words queued so far (questions' included, without their pause) are learned. */
  async idle(): Promise<void> {
    if (this.learnTimer) this.learnQuestionWords()
    await this.learning
  }

  /** Writes words learned from questions that are still waiting for their timer. */
  close(): void {
    clearTimeout(this.learnTimer)
    this.learnTimer = undefined
    clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    if (this.unsaved) this.save(this.unsaved)
  }

  private learnQuestionWords(): void {
    clearTimeout(this.learnTimer)
    this.learnTimer = undefined
    const words = [...this.toLearn]
    this.toLearn.clear()
    this.queueLearning(words, 'later').catch(() => undefined)
  }

  private queueLearning(
    words: readonly string[],
    save: 'now' | 'later',
    onProgress?: Progress
  ): Promise<void> {
    const run = this.learning.then(() => this.learn(words, save, onProgress))
    this.learning = run.catch(() => undefined)
    return run
  }

  private async learn(
    words: readonly string[],
    save: 'now' | 'later',
    onProgress?: Progress
  ): Promise<void> {
    const table = await this.loaded(onProgress)
    const unknown = table.unknown(words)
    if (unknown.length === 0) return
    table.add(unknown, await this.teach(unknown, onProgress))
    if (save === 'now') return this.save(table)
    this.unsaved = table
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined
      this.save(table)
    }, this.options.saveDelayMs ?? SAVE_DELAY_MS).unref()
  }

  private loaded(onProgress?: Progress): Promise<WordVectorTable> {
    if (!this.table) {
      this.table = this.open(onProgress)
      // A failed first load (the teacher could not run) is tried again on the next call.
      this.table.catch(() => (this.table = undefined))
    }
    return this.table
  }

  private async open(onProgress?: Progress): Promise<WordVectorTable> {
    const { teacher, cacheFile } = this.options
    const saved = cacheFile ? readCache(cacheFile) : undefined
    const table = saved && WordVectorTable.deserialize(saved, teacher.id, teacher.dimensions)
    if (table) return table
    // No usable cache (first run, another teacher, a damaged file): distil the base words.
    const words = [...new Set((await this.options.baseVocabulary()).flatMap(meaningfulWords))]
    const fresh = WordVectorTable.fromBase(
      teacher.id,
      teacher.dimensions,
      words,
      await this.teach(words, onProgress)
    )
    this.save(fresh)
    return fresh
  }

  private async teach(words: readonly string[], onProgress?: Progress): Promise<number[][]> {
    const vectors: number[][] = []
    onProgress?.(0, words.length)
    for (let i = 0; i < words.length; i += TEACHER_BATCH) {
      vectors.push(...(await this.options.teacher.embed(words.slice(i, i + TEACHER_BATCH))))
      onProgress?.(vectors.length, words.length)
    }
    return vectors
  }

  /**
   * Best effort: the file only spares distilling again, so a write that fails (full disk,
   * read-only folder) leaves the vectors in memory working. Temp file + rename: a crash
   * mid-write leaves the previous table, never half of one.
   */
  private save(table: WordVectorTable): void {
    const file = this.options.cacheFile
    if (!file) return
    const temp = `${file}.${process.pid}.tmp`
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
      writeFileSync(temp, table.serialize(), { mode: 0o600 })
      renameSync(temp, file)
      if (this.unsaved === table) this.unsaved = undefined
    } catch {
      // Learned again from the teacher when next needed.
    }
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}
