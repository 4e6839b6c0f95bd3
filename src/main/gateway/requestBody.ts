import type { IncomingMessage } from 'node:http'

/** A request body over the route's limit: answered 413, never read to its end. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`a body over ${limit} bytes`)
  }
}

/** The whole body as UTF-8 text, refused past `limit` bytes. */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
