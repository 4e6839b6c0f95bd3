import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { syntheticSessionLines } from './syntheticSessions'

/** Streams `count` synthetic sessions to `path` in the lab's schema. */
export async function writeSyntheticCsv(path: string, count: number, seed = 59): Promise<void> {
  const out = createWriteStream(path)
  let buffer = ''
  for (const line of syntheticSessionLines(count, seed)) {
    buffer += `${line}\n`
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain')
      buffer = ''
    }
  }
  out.end(buffer)
  await once(out, 'finish')
}
