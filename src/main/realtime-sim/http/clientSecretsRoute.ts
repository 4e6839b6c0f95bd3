import type { IncomingMessage, ServerResponse } from 'node:http'
import { ClientSecretRequest } from '../../../shared/realtime/sessionConfig'
import { DEFAULT_TTL_SECONDS, type EphemeralKeys } from '../auth/EphemeralKeys'
import { invalidRequest, issueToApiError } from '../protocol/apiErrors'
import { createSession } from '../session/effectiveSession'
import { type Flavor, readCredential, refuseCredential } from './credentials'
import { readBody, sendApiError, sendJson } from './httpIo'

/** `POST /v1/realtime/client_secrets` (and Azure's `/openai/v1/…`): standard key → `ek_…`. */
export async function mintClientSecret(
  req: IncomingMessage,
  res: ServerResponse,
  flavor: Flavor,
  apiKey: string,
  keys: EphemeralKeys
): Promise<void> {
  const key = readCredential(req, flavor)
  if (key !== apiKey) return refuseCredential(res, flavor, key)
  let raw: unknown
  try {
    const body = (await readBody(req)).toString('utf8')
    // The SDK's `clientSecrets.create()` sends no body at all: every field has a default.
    raw = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return sendApiError(
      res,
      400,
      invalidRequest(
        null,
        'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.'
      )
    )
  }
  const parsed = ClientSecretRequest.safeParse(raw)
  if (!parsed.success) return sendApiError(res, 400, issueToApiError(parsed.error.issues, raw))
  const { session, expires_after } = parsed.data
  if (flavor === 'azure' && !session?.model)
    return sendApiError(
      res,
      400,
      invalidRequest(
        'missing_required_parameter',
        "Missing required parameter: 'session.model' (the deployment name).",
        'session.model'
      )
    )
  sendJson(
    res,
    200,
    keys.mint(createSession(session), expires_after?.seconds ?? DEFAULT_TTL_SECONDS)
  )
}
