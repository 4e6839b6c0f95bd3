import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiErrorBody } from '../protocol/apiErrors'

const MAX_BODY_BYTES = 1_000_000

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) throw new BodyTooLarge('Request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** OpenAI's HTTP error body: `{ error: { message, type, param, code } }`. */
export function sendApiError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  const { message, type, param, code } = error
  sendJson(res, status, { error: { message, type, param, code } })
}
