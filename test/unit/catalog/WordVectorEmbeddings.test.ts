import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EmbeddingProvider } from '../../../src/main/catalog/embeddings/EmbeddingProvider'
import { SentenceEncoderEmbeddings } from '../../../src/main/catalog/embeddings/SentenceEncoderEmbeddings'
import { WordVectorEmbeddings } from '../../../src/main/catalog/embeddings/WordVectorEmbeddings'
import {
  meaningfulWords,
  WordVectorTable
} from '../../../src/main/catalog/embeddings/WordVectorTable'
import { useTempDir } from '../../support/tempDir'

// The real sentence model as the teacher (loads in about a second, shared); a spy records the
// words it is asked to embed.
const model = new SentenceEncoderEmbeddings()
function countingTeacher(): EmbeddingProvider & { asked: string[] } {
  const asked: string[] = []
  return {
    id: model.id,
    dimensions: model.dimensions,
    minSimilarity: model.minSimilarity,
    asked,
    embed: (texts) => {
      asked.push(...texts)
      return model.embed(texts)
    },
    embedQuery: (text) => model.embedQuery(text)
  }
}
// A small base vocabulary keeps these tests quick; the app's is the model's ~4,300 common words.
const BASE = ['shoes', 'rain', 'walking', 'light', 'night', 'sleep', 'money', 'back']
const DOCS = [
  'Waterproof hiking boots with a Vibram outsole',
  'Two-person four-season tent with aluminium poles',
  'Rechargeable headlamp, 350 lumens, red night mode'
]
const cosine = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, x, i) => sum + x * b[i]!, 0)
const nearest = (query: number[], docs: number[][]): number =>
  docs.map((d) => cosine(d, query)).reduce((best, s, i, all) => (s > all[best]! ? i : best), 0)

describe('meaningfulWords', () => {
  it('folds case and accents and drops stop words and bare numbers', () => {
    expect(meaningfulWords('¿Tienen las BOTAS impermeables en talla 42?')).toEqual([
      'botas',
      'impermeables',
      'talla'
    ])
    expect(meaningfulWords('a 4-season tent, 350 lumens')).toEqual(['season', 'tent', 'lumens'])
  })
})

describe('WordVectorEmbeddings', () => {
  const tmp = useTempDir()
  const open = (
    teacher: EmbeddingProvider,
    cacheFile?: string,
    extraVocabulary?: string[]
  ): WordVectorEmbeddings =>
    new WordVectorEmbeddings({
      teacher,
      baseVocabulary: async () => BASE,
      extraVocabulary,
      cacheFile,
      // Long enough never to fire in a test: close() writes what waits.
      saveDelayMs: 600_000
    })

  it('embeds documents through their words, and answers queries without the teacher', async () => {
    const teacher = countingTeacher()
    const words = open(teacher)
    const docs = await words.embed(DOCS)
    expect(words.id).toBe('use-lite-512-words')
    expect(docs.every((v) => v.length === 512)).toBe(true)
    // The base vocabulary, then each document word once (no stop words, no numbers).
    expect(teacher.asked).toEqual(expect.arrayContaining([...BASE, 'vibram', 'headlamp']))
    expect(teacher.asked).not.toContain('350')
    expect(new Set(teacher.asked).size).toBe(teacher.asked.length)

    teacher.asked.length = 0
    const shoes = await words.embedQuery('shoes for walking in the rain')
    expect(teacher.asked).toEqual([])
    expect(nearest(shoes, docs)).toBe(0)
    expect(nearest(await words.embedQuery('a light for the night'), docs)).toBe(2)
    // Nothing it can embed: the zero vector, which the index answers with no hits.
    expect((await words.embedQuery('the of and')).every((x) => x === 0)).toBe(true)
  })

  it('learns a question\u2019s unknown word in the background for the next question', async () => {
    const teacher = countingTeacher()
    const words = open(teacher)
    const docs = await words.embed(DOCS)
    teacher.asked.length = 0
    expect((await words.embedQuery('flashlight')).every((x) => x === 0)).toBe(true)
    await words.idle()
    expect(teacher.asked).toEqual(['flashlight'])
    expect(nearest(await words.embedQuery('flashlight'), docs)).toBe(2)
  })

  it('learns a burst of questions\u2019 new words once, after a pause, not while they wait', async () => {
    const teacher = countingTeacher()
    const words = new WordVectorEmbeddings({
      teacher,
      baseVocabulary: async () => BASE,
      learnDelayMs: 100
    })
    await words.embed(DOCS)
    teacher.asked.length = 0
    // Ten calls asking the same new words at once, then one more with another: none runs the model.
    await Promise.all(Array.from({ length: 10 }, () => words.embedQuery('flashlight lantern')))
    await words.embedQuery('compass')
    expect(teacher.asked).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 200))
    await words.idle()
    expect(teacher.asked.sort()).toEqual(['compass', 'flashlight', 'lantern'])
    expect((await words.embedQuery('compass')).some((x) => x !== 0)).toBe(true)
  })

  it('learns its extra vocabulary with the documents', async () => {
    const teacher = countingTeacher()
    const words = open(teacher, undefined, ['lantern'])
    const docs = await words.embed(DOCS)
    expect(teacher.asked).toContain('lantern')
    teacher.asked.length = 0
    expect(nearest(await words.embedQuery('lantern'), docs)).toBe(2)
    expect(teacher.asked).toEqual([])
  })

  it('writes the words learned from questions on close, and reads them back', async () => {
    const file = join(tmp.path(), 'words', 'word-vectors.bin')
    const first = open(countingTeacher(), file)
    await first.embed(DOCS)
    await first.embedQuery('flashlight')
    await first.idle()
    first.close()

    const teacher = countingTeacher()
    const reopened = open(teacher, file)
    expect((await reopened.embedQuery('flashlight')).some((x) => x !== 0)).toBe(true)
    expect(teacher.asked).toEqual([])
  })

  it('keeps working in memory when its file cannot be written', async () => {
    // A file where its folder should be: no write can succeed, not even as root.
    const blocked = join(tmp.write('not-a-folder', ''), 'words', 'word-vectors.bin')
    const words = open(countingTeacher(), blocked)
    const docs = await words.embed(DOCS)
    expect(nearest(await words.embedQuery('shoes for walking in the rain'), docs)).toBe(0)
    await words.embedQuery('flashlight')
    await words.idle()
    expect(() => words.close()).not.toThrow()
  })

  it('keeps what it learned on disk, and distils again from a damaged file', async () => {
    const file = join(tmp.path(), 'words', 'word-vectors.bin')
    const first = open(countingTeacher(), file)
    const docs = await first.embed(DOCS)
    const query = await first.embedQuery('shoes for the rain')

    const teacher = countingTeacher()
    const reopened = open(teacher, file)
    expect(await reopened.embed(DOCS)).toEqual(docs)
    expect(await reopened.embedQuery('shoes for the rain')).toEqual(query)
    expect(teacher.asked).toEqual([])

    // Truncated mid-write by a crash that bypassed the rename, or written for another model.
    writeFileSync(file, readFileSync(file).subarray(0, 5000))
    const damaged = countingTeacher()
    const rebuilt = open(damaged, file)
    await rebuilt.prepare(DOCS)
    expect(damaged.asked).toEqual(expect.arrayContaining([...BASE, 'vibram']))
    expect(cosine((await rebuilt.embed(DOCS))[0]!, docs[0]!)).toBeCloseTo(1, 4)
    const table = WordVectorTable.deserialize(readFileSync(file), 'another-model', 512)
    expect(table).toBeUndefined()
  })
})

// Six decimals, and -0 as 0: float sums differ in the last bits.
const rounded = (v: readonly number[]): number[] => v.map((x) => Number(x.toFixed(6)) + 0)

describe('WordVectorTable', () => {
  it('centres and normalises word vectors, and round-trips through its file format', () => {
    const table = WordVectorTable.fromBase(
      't',
      3,
      ['a', 'b'],
      [
        [2, 0, 1],
        [0, 2, 1]
      ]
    )
    // The shared direction (0,0,1) is gone: the two words are opposite after centring.
    expect(rounded(table.vectorOf(['a']))).toEqual(rounded([Math.SQRT1_2, -Math.SQRT1_2, 0]))
    expect(rounded(table.vectorOf(['a', 'b']))).toEqual([0, 0, 0])
    expect(table.unknown(['a', 'c', 'c'])).toEqual(['c'])
    table.add(['c'], [[1, 1, 5]])
    expect(rounded(table.vectorOf(['c']))).toEqual([0, 0, 1])

    const copy = WordVectorTable.deserialize(table.serialize(), 't', 3)!
    expect(copy.size).toBe(3)
    expect(copy.vectorOf(['a', 'c'])).toEqual(table.vectorOf(['a', 'c']))
    expect(WordVectorTable.deserialize(table.serialize(), 't', 4)).toBeUndefined()
    expect(WordVectorTable.deserialize(Buffer.from('nonsense'), 't', 3)).toBeUndefined()
  })
})
