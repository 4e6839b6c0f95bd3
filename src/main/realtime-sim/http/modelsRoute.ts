import type { IncomingMessage, ServerResponse } from 'node:http'
import { LIVE_MODELS } from '../../../shared/live-call/voiceEngine'
import { invalidRequest } from '../protocol/apiErrors'
import { type Flavor, readCredential, refuseCredential } from './credentials'
import { sendApiError, sendJson } from './httpIo'
import type { SimRoute } from './simRoute'

const PATH = /^(\/openai)?\/v1\/models(?:\/([^/]+))?$/

/** The models the simulator stands in for; Realtime's dated snapshots match by prefix. */
const SERVED = new Set<string>([
  ...LIVE_MODELS,
  'gpt-realtime',
  'gpt-realtime-mini',
  'gpt-4o-mini',
  'gpt-4o-mini-transcribe',
  'text-embedding-3-small'
])
const CREATED = 1_763_596_800 // 2025-11-20, one fixed date: the list never changes

const served = (id: string): boolean => SERVED.has(id) || /^gpt-realtime-[\w.-]+$/.test(id)
const modelObject = (id: string): Record<string, unknown> => ({
  id,
  object: 'model',
  created: CREATED,
  owned_by: 'system'
})

/**
 * `GET /v1/models` and `GET /v1/models/{model}` (Azure's under /openai/v1), behind the standard
 * key: what Settings → Test connection asks of a GPT-Live provider, since GPT-Live has no
 * client secret to mint and creating a session bills its start.
 */
export function modelsRoute(apiKey: string): SimRoute {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const match = PATH.exec(url.pathname)
    if (!match || req.method !== 'GET') return false
    const flavor: Flavor = match[1] ? 'azure' : 'openai'
    const key = readCredential(req, flavor)
    if (key !== apiKey) {
      refuseCredential(res, flavor, key)
      return true
    }
    const id = match[2] ? decodeURIComponent(match[2]) : null
    if (id === null)
      sendJson(res, 200, { object: 'list', data: [...SERVED].sort().map(modelObject) })
    else if (served(id)) sendJson(res, 200, modelObject(id))
    else
      sendApiError(
        res,
        404,
        invalidRequest(
          'model_not_found',
          `The model '${id}' does not exist or you do not have access to it.`,
          'model'
        )
      )
    return true
  }
}
