import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiError, readBody } from './openAiWire'

export interface ResponsesRequest {
  authorization: string | undefined
  apiKeyHeader: string | undefined
  body: {
    model: string
    instructions?: string
    input: string
    store?: boolean
    max_output_tokens?: number
    text?: {
      format?: { type: string; name?: string; strict?: boolean; schema?: Record<string, unknown> }
    }
  }
}

/** How the stand-in answers one request. */
export type ResponsesReply =
  | { json: unknown }
  | { text: string }
  | { refusal: string }
  | { incomplete: 'max_output_tokens' | 'content_filter' }
  | { status: 401 | 429 | 500 }
  | { delayMs: number; then: ResponsesReply }

export interface ResponsesStandIn {
  baseURL: string
  requests: ResponsesRequest[]
  close(): Promise<void>
}

/**
 * A local stand-in of OpenAI's POST /v1/responses, speaking its wire format: bearer (or Azure
 * `api-key`) auth with OpenAI-style error bodies, a `response` object whose `output` holds an
 * assistant message of `output_text` or `refusal` parts, `status` with `incomplete_details`,
 * and `usage`. What it answers is the test's script: the model itself is not reproduced.
 */
export async function startResponsesStandIn(
  apiKey: string,
  reply: (request: ResponsesRequest) => ResponsesReply
): Promise<ResponsesStandIn> {
  const requests: ResponsesRequest[] = []
  let served = 0
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown): void => {
        if (res.destroyed) return
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.method !== 'POST' || req.url !== '/v1/responses')
        return send(404, apiError('Not found', 'invalid_request_error', null))
      const request: ResponsesRequest = {
        authorization: req.headers.authorization,
        apiKeyHeader: req.headers['api-key'] as string | undefined,
        body: JSON.parse(await readBody(req)) as ResponsesRequest['body']
      }
      requests.push(request)
      const authorised =
        request.authorization === `Bearer ${apiKey}` || request.apiKeyHeader === apiKey
      if (!authorised)
        return send(
          401,
          apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key')
        )
      let answer = reply(request)
      while ('delayMs' in answer) {
        const { delayMs } = answer
        await new Promise((wait) => setTimeout(wait, delayMs))
        answer = answer.then
      }
      if ('status' in answer)
        return send(
          answer.status,
          answer.status === 401
            ? apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key')
            : apiError('The server had an error.', 'server_error', null)
        )
      served++
      const content =
        'refusal' in answer
          ? [{ type: 'refusal', refusal: answer.refusal }]
          : [
              {
                type: 'output_text',
                text:
                  'json' in answer
                    ? JSON.stringify(answer.json)
                    : 'text' in answer
                      ? answer.text
                      : '{"sentiment": "neg',
                annotations: []
              }
            ]
      send(200, {
        id: `resp_${served}`,
        object: 'response',
        created_at: Math.floor(Date.now() / 1000),
        model: request.body.model,
        status: 'incomplete' in answer ? 'incomplete' : 'completed',
        incomplete_details: 'incomplete' in answer ? { reason: answer.incomplete } : null,
        error: null,
        output: [
          {
            type: 'message',
            id: `msg_${served}`,
            status: 'incomplete' in answer ? 'incomplete' : 'completed',
            role: 'assistant',
            content
          }
        ],
        usage: {
          input_tokens: Math.ceil(request.body.input.length / 4),
          output_tokens: 12,
          total_tokens: Math.ceil(request.body.input.length / 4) + 12
        }
      })
    })()
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
