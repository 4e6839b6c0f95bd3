import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { offlineEmbeddings } from '../../../src/main/catalog/embeddings/offlineEmbeddings'
import { VectorCorpusIndex } from '../../../src/main/catalog/VectorCorpusIndex'
import { useTempDir } from '../../support/tempDir'

// The real offline provider (no network, no key); distilling its base words takes a few seconds.
const embeddings = offlineEmbeddings()
const docs = [
  { id: 'boots', text: 'Waterproof Gore-Tex hiking boots with a Vibram outsole' },
  { id: 'tent', text: 'Two-person four-season tent with aluminium poles' },
  { id: 'lamp', text: 'Rechargeable headlamp, 350 lumens, red night mode' }
]

describe('VectorCorpusIndex', () => {
  const tmp = useTempDir()

  it('leaves out a document with no word it can embed', { timeout: 60_000 }, async () => {
    const index = new VectorCorpusIndex(tmp.path(), 'products', embeddings)
    // Its zero vector would score NaN in vectra and jam every query's top k.
    await index.sync([{ id: 'numbers', text: '350 2024 42' }, ...docs])
    expect(await index.size()).toBe(3)
    expect((await index.query('shoes for walking in the rain', 3))[0]?.id).toBe('boots')
  })

  it('embeds offline and finds documents by meaning', { timeout: 60_000 }, async () => {
    const index = new VectorCorpusIndex(tmp.path(), 'products', embeddings)
    expect(await index.sync(docs)).toBe(3)
    // No word in common with any document.
    expect((await index.query('shoes for walking in the rain', 3))[0]?.id).toBe('boots')
    expect((await index.query('light for reading in the tent at night', 3))[0]?.id).toBe('lamp')
    // A word in no document and not among the model's common words: skipped for this question,
    // learned in the background for the next one.
    expect(await index.query('a flashlight', 3)).toEqual([])
    await embeddings.idle()
    expect((await index.query('a flashlight', 3))[0]?.id).toBe('lamp')
  })

  it(
    're-embeds only what changed, drops what left, and rebuilds an unreadable index',
    { timeout: 60_000 },
    async () => {
      const index = new VectorCorpusIndex(tmp.path(), 'products', embeddings)
      await index.sync(docs)
      expect(await index.sync(docs)).toBe(0)
      const edited = [docs[0]!, { ...docs[1]!, text: 'Ultralight one-person summer tent' }]
      expect(await index.sync(edited)).toBe(1)
      expect(await index.size()).toBe(2)
      const ids = (await index.query('a tent for two and a headlamp', 3)).map((r) => r.id)
      expect(ids).toContain('tent')
      expect(ids).not.toContain('lamp')

      // A crash mid-write leaves a truncated JSON file: the next sync starts again.
      const folder = join(tmp.path(), embeddings.id, 'products')
      const file = readdirSync(folder).find((f) => f.endsWith('.json'))!
      writeFileSync(join(folder, file), '{"version":1,"items":[{"id":')
      const reopened = new VectorCorpusIndex(tmp.path(), 'products', embeddings)
      expect(await reopened.sync(edited)).toBe(2)
      expect((await reopened.query('tent', 1))[0]?.id).toBe('tent')
    }
  )
})
