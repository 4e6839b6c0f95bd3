import { foldText } from '../../../shared/catalog/outdoorGlossary'
import { STOP_WORDS } from '../../../shared/catalog/stopWords'

/** The words of a text that carry meaning for search: folded, no stop words, no bare numbers. */
export const meaningfulWords = (text: string): string[] =>
  foldText(text)
    .split(' ')
    .filter((word) => /\p{L}/u.test(word) && !STOP_WORDS.has(word))

const HEADER_BYTES = 4

/**
 * Static word vectors: each word's vector is a sentence model's vector for that word alone,
 * minus the mean vector of the base vocabulary (every one-word "sentence" shares a large common
 * direction that would make unrelated texts look alike), normalised. A text's vector is the
 * normalised sum of its known words' vectors; unknown words are skipped.
 */
export class WordVectorTable {
  private readonly vectors = new Map<string, Float32Array>()

  private constructor(
    readonly teacher: string,
    readonly dimensions: number,
    private readonly mean: Float32Array
  ) {}

  /** A table whose centre is the mean of these words' raw vectors (the base vocabulary). */
  static fromBase(
    teacher: string,
    dimensions: number,
    words: readonly string[],
    raw: readonly number[][]
  ): WordVectorTable {
    const mean = new Float32Array(dimensions)
    for (const vector of raw)
      for (let i = 0; i < dimensions; i++) mean[i]! += vector[i]! / raw.length
    const table = new WordVectorTable(teacher, dimensions, mean)
    table.add(words, raw)
    return table
  }

  /** A table saved by `serialize`, or undefined when the bytes are not one for this teacher. */
  static deserialize(
    bytes: Buffer,
    teacher: string,
    dimensions: number
  ): WordVectorTable | undefined {
    try {
      const headerLength = bytes.readUInt32LE(0)
      const header = JSON.parse(
        bytes.subarray(HEADER_BYTES, HEADER_BYTES + headerLength).toString()
      )
      const offset = HEADER_BYTES + headerLength
      const words: unknown = header.words
      if (header.teacher !== teacher || header.dimensions !== dimensions || !Array.isArray(words))
        return undefined
      if (bytes.length - offset !== (words.length + 1) * dimensions * 4) return undefined
      // Copied out so each vector is aligned and independent of the file's buffer.
      const data = new Float32Array(
        bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + bytes.length)
      )
      const table = new WordVectorTable(teacher, dimensions, data.subarray(0, dimensions))
      words.forEach((word, i) =>
        table.vectors.set(String(word), data.subarray((i + 1) * dimensions, (i + 2) * dimensions))
      )
      return table
    } catch {
      return undefined
    }
  }

  get size(): number {
    return this.vectors.size
  }

  /** Of these words, the ones the table has no vector for (each once). */
  unknown(words: Iterable<string>): string[] {
    return [...new Set(words)].filter((word) => !this.vectors.has(word))
  }

  /** Adds words with their raw vectors from the teacher. */
  add(words: readonly string[], raw: readonly number[][]): void {
    words.forEach((word, w) => {
      const vector = new Float32Array(this.dimensions)
      let norm = 0
      for (let i = 0; i < this.dimensions; i++) {
        vector[i] = raw[w]![i]! - this.mean[i]!
        norm += vector[i]! * vector[i]!
      }
      norm = Math.sqrt(norm) || 1
      for (let i = 0; i < this.dimensions; i++) vector[i]! /= norm
      this.vectors.set(word, vector)
    })
  }

  /** The text's vector from its known words; all zeros when it has none. */
  vectorOf(words: readonly string[]): number[] {
    const sum = new Float64Array(this.dimensions)
    for (const word of words) {
      const vector = this.vectors.get(word)
      if (vector) for (let i = 0; i < this.dimensions; i++) sum[i]! += vector[i]!
    }
    let norm = 0
    for (const x of sum) norm += x * x
    norm = Math.sqrt(norm) || 1
    return Array.from(sum, (x) => x / norm)
  }

  serialize(): Buffer {
    const words = [...this.vectors.keys()]
    const header = Buffer.from(
      JSON.stringify({ teacher: this.teacher, dimensions: this.dimensions, words })
    )
    const data = new Float32Array((words.length + 1) * this.dimensions)
    data.set(this.mean, 0)
    words.forEach((word, i) => data.set(this.vectors.get(word)!, (i + 1) * this.dimensions))
    const length = Buffer.alloc(HEADER_BYTES)
    length.writeUInt32LE(header.length, 0)
    return Buffer.concat([length, header, Buffer.from(data.buffer)])
  }
}
