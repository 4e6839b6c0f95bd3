import type { IncomingMessage } from 'node:http'
import { readBody } from '../http/httpIo'
import { invalidRequest, type ApiErrorBody } from '../protocol/apiErrors'

/** A request's JSON body (`{}` when empty, as the SDK's optional bodies may be), or the API's 400. */
export async function readJsonBody(
  req: IncomingMessage,
  maxBytes?: number
): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiErrorBody }> {
  const text = (await readBody(req, maxBytes)).toString('utf8')
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return {
      ok: false,
      error: invalidRequest(
        null,
        'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'
      )
    }
  }
}
