import type { IncomingMessage, ServerResponse } from 'node:http'
import type OpenAI from 'openai'
import type { VoiceEngine } from '../../shared/live-call/voiceEngine'
import type { GatewayCalls, SipHeader } from './GatewayCalls'
import { BodyTooLarge, readRequestBody } from './requestBody'
import type { WebhookLedger } from './WebhookLedger'

/** Where the platform posts the project's webhooks (behind the TLS proxy): register this path. */
export const WEBHOOK_PATH = '/webhooks/openai'

/** An event is a few hundred bytes; anything this large is not one. */
const MAX_BODY_BYTES = 256 * 1024

export interface WebhookRouteOptions {
  client: OpenAI
  ledger: WebhookLedger
  calls: GatewayCalls
  log: (line: string) => void
}

export interface WebhookRoute {
  path: string
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Deliveries refused (400/413) since start. */
  readonly refused: number
}

/**
 * `POST /webhooks/openai`. Only a delivery the `openai` SDK verifies (signature and age) is
 * read; anything else gets 400 and a log line. A `webhook-id` handled before (by any instance)
 * gets 200 and nothing else. A ringing call of the engine the gateway runs
 * (`realtime.call.incoming`, or GPT-Live's `live.transport.incoming`) is answered (GatewayCalls);
 * other event types, and the other engine's, are acknowledged. A call the API could not be asked about answers 500 and gives
 * the id up, so the platform's retry is acted on.
 */
export function webhookRoute(options: WebhookRouteOptions): WebhookRoute {
  let refused = 0
  const { client, ledger, calls, log } = options

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: string
    try {
      body = await readRequestBody(req, MAX_BODY_BYTES)
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error
      refused++
      log(`webhook refused (413): a body over ${MAX_BODY_BYTES} bytes`)
      return answer(res, 413, { error: 'body too large' })
    }
    const webhookId = header(req, 'webhook-id') ?? '(none)'
    let event: WebhookEvent
    try {
      event = await client.webhooks.unwrap(body, req.headers)
    } catch (error) {
      refused++
      // The SDK's reasons name no secret: a bad signature, a stale timestamp, a missing header.
      log(`webhook refused (400), webhook-id ${webhookId}: ${reasonOf(error)}`)
      return answer(res, 400, { error: 'invalid webhook' })
    }
    const ringing = ringingCall(event)
    if (!ringing) {
      log(`webhook ${webhookId}: ${event.type} acknowledged (not acted on)`)
      return answer(res, 200, {})
    }
    const { callId, engine } = ringing
    // One pending call may be announced to both APIs: the engine new calls run on (the team's
    // choice, else settings.json) decides which answers it, and the other's event is only
    // acknowledged (docs/gpt-live.md, SIP incoming).
    if (engine !== calls.engineName) {
      log(
        `webhook ${webhookId}: ${event.type} for call ${callId} acknowledged, not acted on (this gateway's calls run on ${calls.engineName})`
      )
      return answer(res, 200, {})
    }
    if (!(await ledger.claim({ webhookId, eventType: event.type, callId })))
      return answer(res, 200, {})
    try {
      await calls.incoming(callId, engine, ringing.sipHeaders)
    } catch (error) {
      await ledger.release(webhookId)
      log(
        `webhook ${webhookId}: call ${callId} could not be answered, the platform will retry (${reasonOf(error)})`
      )
      return answer(res, 500, { error: 'call not answered' })
    }
    answer(res, 200, {})
  }

  return {
    path: WEBHOOK_PATH,
    handle,
    get refused(): number {
      return refused
    }
  }
}

type WebhookEvent = Awaited<ReturnType<OpenAI['webhooks']['unwrap']>>

/**
 * A phone call ringing, on either API: `realtime.call.incoming` (Realtime), or GPT-Live's
 * `live.transport.incoming` (its `data.type` is 'sip') and the deprecated `live.call.incoming`
 * older subscriptions still receive. Null for any other event.
 */
function ringingCall(
  event: WebhookEvent
): { callId: string; engine: VoiceEngine; sipHeaders: SipHeader[] } | null {
  switch (event.type) {
    case 'realtime.call.incoming':
      return { callId: event.data.call_id, engine: 'realtime', sipHeaders: event.data.sip_headers }
    case 'live.transport.incoming':
    case 'live.call.incoming':
      return { callId: event.data.session_id, engine: 'live', sipHeaders: event.data.sip_headers }
    default:
      return null
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
