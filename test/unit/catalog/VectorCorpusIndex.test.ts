import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OfflineEmbeddings } from '../../../src/main/catalog/embeddings/OfflineEmbeddings'
import { VectorCorpusIndex } from '../../../src/main/catalog/VectorCorpusIndex'
import { useTempDir } from '../../support/tempDir'

// The real offline model (no network, no key); loading it takes about a second.
const embeddings = new OfflineEmbeddings()
const docs = [
  { id: 'boots', text: 'Waterproof Gore-Tex hiking boots with a Vibram outsole' },
  { id: 'tent', text: 'Two-person four-season tent with aluminium poles' },
  { id: 'lamp', text: 'Rechargeable headlamp, 350 lumens, red night mode' }
]

describe('VectorCorpusIndex', () => {
  const tmp = useTempDir()

  it('embeds offline and finds documents by meaning', { timeout: 60_000 }, async () => {
    const index = new VectorCorpusIndex(tmp.path(), 'products', embeddings)
    expect(await index.sync(docs)).toBe(3)
    expect((await index.query('something to see in the dark', 3))[0]?.id).toBe('lamp')
    expect((await index.query('shoes for walking in the rain', 3))[0]?.id).toBe('boots')
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
      expect((await index.query('headlamp', 3)).map((r) => r.id).sort()).toEqual(['boots', 'tent'])

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
