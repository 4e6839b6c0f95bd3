import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiError, readBody } from './openAiWire'

export interface EmbeddingsRequest {
  authorization: string | undefined
  body: { model: string; input: string[]; dimensions?: number; encoding_format?: string }
}

export interface EmbeddingsStandIn {
  baseURL: string
  requests: EmbeddingsRequest[]
  /** Statuses to answer before the next successes (e.g. [429, 500]); drained in order. */
  failNext(...statuses: number[]): void
  close(): Promise<void>
}

/**
 * A local stand-in of OpenAI's POST /v1/embeddings, speaking its wire format: bearer auth
 * with an OpenAI-style error body, `input` arrays, `dimensions`, float or base64 vectors,
 * `index` per item, `usage`. Its vectors hash words into buckets (deterministic, so texts
 * sharing words are near); the model behind the real endpoint is of course not reproduced.
 */
export async function startEmbeddingsStandIn(apiKey: string): Promise<EmbeddingsStandIn> {
  const requests: EmbeddingsRequest[] = []
  const failures: number[] = []
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(JSON.stringify(body))
      }
      if (req.method !== 'POST' || req.url !== '/v1/embeddings')
        return send(404, apiError('Not found', 'invalid_request_error', null))
      const body = JSON.parse(await readBody(req)) as EmbeddingsRequest['body']
      requests.push({ authorization: req.headers.authorization, body })
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(
          401,
          apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key')
        )
      const failure = failures.shift()
      if (failure === 429)
        return send(429, apiError('Rate limit reached.', 'requests', 'rate_limit_exceeded'), {
          'retry-after-ms': '10'
        })
      if (failure !== undefined)
        return send(failure, apiError('The server had an error.', 'server_error', null))
      const dims = body.dimensions ?? 1536
      const inputs = Array.isArray(body.input) ? body.input : [body.input]
      // Answered in reverse order: clients must place vectors by `index`, as the docs say.
      const data = inputs
        .map((text, index) => {
          const vector = hashedVector(text, dims)
          const embedding =
            body.encoding_format === 'base64'
              ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
              : vector
          return { object: 'embedding', index, embedding }
        })
        .reverse()
      const tokens = inputs.reduce((n, text) => n + text.split(/\s+/).length, 0)
      send(200, {
        object: 'list',
        data,
        model: body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens }
      })
    })()
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () => new Promise((done) => server.close(() => done()))
  }
}

function hashedVector(text: string, dims: number): number[] {
  const vector = new Array<number>(dims).fill(0)
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    let hash = 2166136261
    for (const char of word) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619)
    vector[(hash >>> 0) % dims]! += 1
  }
  const norm = Math.hypot(...vector) || 1
  return vector.map((v) => v / norm)
}
