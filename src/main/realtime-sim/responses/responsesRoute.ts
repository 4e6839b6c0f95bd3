import type { IncomingMessage, ServerResponse } from 'node:http'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { type Flavor, readCredential, refuseCredential } from '../http/credentials'
import { readBody, sendApiError, sendJson } from '../http/httpIo'
import { type ApiErrorBody, invalidRequest } from '../protocol/apiErrors'
import { parseResponsesRequest, type ResponsesRequest } from './parseResponsesRequest'
import { unparsableBody } from './requestErrors'
import { responseObject, responsesId } from './responseObject'
import type { ResponsesRecord } from './responsesRecord'
import type { ResponsesScript } from './responsesScript'
import { formatName, ResponsesScripts } from './ResponsesScripts'
import { schemaViolation } from './strictJsonSchema'

export interface ResponsesContext {
  apiKey: string
  scripts: readonly ResponsesScript[]
  log: GroundTruthLog
  nowSeconds?: () => number
}

const PATH = /^(\/openai)?\/v1\/responses$/

/** The API's bodies for the errors a script can ask for (the SDKs retry each of them). */
const HTTP_ERRORS: Record<429 | 500 | 503, (model: string) => ApiErrorBody> = {
  429: (model) => ({
    type: 'tokens',
    code: 'rate_limit_exceeded',
    param: null,
    message: `Rate limit reached for ${model} on tokens per min (TPM): Limit 200000, Used 200000, Requested 120. Please try again in 36ms. Visit https://platform.openai.com/account/rate-limits to learn more.`
  }),
  500: () => ({
    type: 'server_error',
    code: null,
    param: null,
    message: 'The server had an error while processing your request. Sorry about that!'
  }),
  503: () => ({
    type: 'server_error',
    code: null,
    param: null,
    message: 'The engine is currently overloaded, please try again later.'
  })
}

/**
 * `POST /v1/responses` (and Azure's `/openai/v1/responses`): checked as the API checks it, then
 * answered from the scenario's `responses` scripts. Returns false for any other request.
 */
export function responsesRoute(
  ctx: ResponsesContext
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const scripts = new ResponsesScripts(ctx.scripts)
  const now = ctx.nowSeconds ?? ((): number => Math.floor(Date.now() / 1000))
  return async (req, res, url) => {
    const path = PATH.exec(url.pathname)
    if (!path || req.method !== 'POST') return false
    const flavor: Flavor = path[1] ? 'azure' : 'openai'
    const requestId = responsesId('req')
    if (!res.hasHeader('x-request-id')) res.setHeader('x-request-id', requestId)
    const record = (entry: Omit<ResponsesRecord, 'kind' | 'request_id'>): void =>
      ctx.log.record(null, { kind: 'responses', request_id: requestId, ...entry })
    const key = readCredential(req, flavor)
    if (key !== ctx.apiKey) {
      record({ status: 401, outcome: 'unauthorized' })
      refuseCredential(res, flavor, key)
      return true
    }
    const refuse = (status: number, error: ApiErrorBody, entry: Partial<ResponsesRecord>): true => {
      record({ status, outcome: 'invalid_request', error: String(error.message), ...entry })
      sendApiError(res, status, error)
      return true
    }
    let raw: unknown
    try {
      raw = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      return refuse(400, unparsableBody(), {})
    }
    const request = parseResponsesRequest(raw)
    if ('error' in request) return refuse(400, request.error, {})
    await answer(request, scripts.take(request), res, record, now)
    return true
  }
}

async function answer(
  request: ResponsesRequest,
  match: { index: number; script: ResponsesScript } | null,
  res: ServerResponse,
  record: (entry: Omit<ResponsesRecord, 'kind' | 'request_id'>) => void,
  now: () => number
): Promise<void> {
  const asked = {
    model: request.model,
    format: formatName(request),
    instructions: request.instructions,
    input: request.inputText,
    script: match?.index ?? null
  }
  if (!match) {
    // Loud on purpose: a test that forgot to script an answer fails naming what was asked.
    const error = invalidRequest(
      'no_scripted_answer',
      `The simulator has no scripted answer for this request (text.format '${asked.format}', model '${request.model}'): add a matching entry to the scenario's 'responses'.`
    )
    record({ ...asked, status: 400, outcome: 'no_script', error: String(error.message) })
    return sendApiError(res, 400, error)
  }
  const { script } = match
  if (script.delay_ms > 0 && !(await hold(script.delay_ms, res)))
    return record({ ...asked, status: 0, outcome: 'client_gone', delay_ms: script.delay_ms })
  const delay = script.delay_ms > 0 ? { delay_ms: script.delay_ms } : {}
  if (script.http_error !== undefined) {
    const error = HTTP_ERRORS[script.http_error](request.model)
    if (script.retry_after_ms !== undefined)
      res.setHeader('retry-after-ms', String(script.retry_after_ms))
    record({
      ...asked,
      ...delay,
      status: script.http_error,
      outcome: 'http_error',
      error: String(error.message)
    })
    return sendApiError(res, script.http_error, error)
  }
  let output: { text: string } | { refusal: string }
  if (script.refusal !== undefined) output = { refusal: script.refusal }
  else if (script.text !== undefined) output = { text: script.text }
  else {
    const violation =
      request.format.type === 'json_schema'
        ? schemaViolation(script.json, request.format.schema)
        : null
    if (violation) {
      const error = invalidRequest(
        'scenario_error',
        `Scenario error: responses[${match.index}].json does not follow the request's schema '${asked.format}' (${violation}).`
      )
      record({
        ...asked,
        ...delay,
        status: 400,
        outcome: 'scenario_error',
        error: String(error.message)
      })
      return sendApiError(res, 400, error)
    }
    output = { text: JSON.stringify(script.json) }
  }
  const response = responseObject(request, output, now())
  record({
    ...asked,
    ...delay,
    status: 200,
    outcome: 'refusal' in output ? 'refusal' : response.incomplete ? 'incomplete' : 'completed',
    response_id: response.id,
    ...('refusal' in output ? { refusal: output.refusal } : { output_text: response.text })
  })
  sendJson(res, 200, response.body)
}

/** Waits `ms`; false when the client left first (its timeout or abort closed the connection). */
function hold(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false)
  return new Promise((resolve) => {
    const gone = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      res.off('close', gone)
      resolve(true)
    }, ms)
    res.once('close', gone)
  })
}
