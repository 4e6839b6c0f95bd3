import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { OpenAIEmbeddings } from '../../../src/main/catalog/embeddings/OpenAIEmbeddings'
import { ResponsesModel } from '../../../src/main/classify/StructuredModel'

const KEY = 'azure-key-0123456789abcdef'

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

// The labelling model and the embeddings use the OpenAI SDK, which follows redirects by default:
// a 307 keeps the headers, and fetch drops only `authorization` across origins, not `api-key`.
describe('the SDK clients that carry a stored key', () => {
  const seenElsewhere: string[] = []
  const elsewhere = createServer((req, res) => {
    seenElsewhere.push(`${req.method} ${req.url} api-key=${String(req.headers['api-key'])}`)
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
  })
  let redirecting: Server
  let bound = ''
  beforeAll(async () => {
    const target = await listen(elsewhere)
    redirecting = createServer((req, res) => {
      res.writeHead(307, { location: `${target}${req.url ?? '/'}` }).end()
    })
    bound = await listen(redirecting)
  })
  afterAll(async () => {
    await new Promise((done) => elsewhere.close(done))
    await new Promise((done) => redirecting.close(done))
  })

  it('labelling (/v1/responses) fails on a redirect instead of following it with the key', async () => {
    seenElsewhere.length = 0
    const model = new ResponsesModel({
      model: 'labels-mini',
      apiKey: KEY,
      baseURL: `${bound}/openai/v1`,
      headers: { 'api-key': KEY },
      maxRetries: 0,
      timeoutMs: 5000
    })
    const asked = model.ask({
      format: { name: 'verdict', schema: { type: 'object' } },
      instructions: 'Judge.',
      input: 'A caller line.',
      answer: z.object({}),
      maxOutputTokens: 16
    })
    await expect(asked).rejects.toThrow()
    expect(seenElsewhere).toEqual([])
  })

  it('embeddings fail on a redirect instead of following it with the key', async () => {
    seenElsewhere.length = 0
    const embeddings = new OpenAIEmbeddings({
      apiKey: () => KEY,
      baseURL: `${bound}/openai/v1`,
      headers: (key) => ({ 'api-key': key }),
      maxRetries: 0,
      timeoutMs: 5000
    })
    await expect(embeddings.embedQuery('tent')).rejects.toThrow()
    expect(seenElsewhere).toEqual([])
  })
})
