import { randomBytes } from 'node:crypto'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import { signWebhook, webhookSigningKey } from './webhookSecret'

/** Where the project's webhooks go (the platform's webhook endpoint settings). */
export interface WebhookTarget {
  url: string
  /** `whsec_…`: the base64 after the prefix is the HMAC key. */
  secret: string
}

/** Attempts in all, and the wait before the first retry; each further wait doubles. */
export interface WebhookRetry {
  attempts: number
  firstDelayMs: number
}

/**
 * The platform retries a failed delivery with exponential backoff for hours; a phone call
 * rings for seconds, so the simulator stops sooner: 5 s, 10 s, 20 s… over 8 attempts, or as
 * soon as the event no longer matters (the call was answered or ended).
 */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetry = { attempts: 8, firstDelayMs: 5_000 }

/** A receiver slower than this counts as failed, as on the platform. */
const ATTEMPT_TIMEOUT_MS = 10_000

/** An event as the platform posts it: `{ object: 'event', id: 'evt_…', type, created_at, data }`. */
export interface WebhookEvent {
  object: 'event'
  id: string
  type: string
  created_at: number
  data: unknown
}

export const newWebhookEventId = (): string => `evt_${randomBytes(16).toString('hex')}`

/**
 * Posts signed webhooks (Standard Webhooks headers) and retries on a non-2xx answer or a
 * network error with the same `webhook-id`, so receivers can drop duplicates. Each attempt is
 * re-stamped and re-signed (the timestamp is the attempt's) and recorded in the ground truth.
 */
export class WebhookSender {
  private readonly key: Buffer
  private readonly stop = new AbortController()

  constructor(
    private readonly target: WebhookTarget,
    private readonly log: GroundTruthLog,
    private readonly retry: WebhookRetry = DEFAULT_WEBHOOK_RETRY
  ) {
    this.key = webhookSigningKey(target.secret)
    if (!/^https?:$/.test(new URL(target.url).protocol))
      throw new Error(`The webhook URL must be http(s), got ${target.url}`)
  }

  /**
   * Delivers `event` in the background; resolves once it is delivered (true) or given up
   * (false). `stillWanted` is asked before each retry.
   */
  deliver(
    callId: string | null,
    event: WebhookEvent,
    stillWanted: () => boolean = () => true
  ): { webhookId: string; done: Promise<boolean> } {
    const webhookId = `wh_${randomBytes(16).toString('hex')}`
    const body = JSON.stringify(event)
    const done = (async () => {
      for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
        if (attempt > 1) {
          await this.sleep(this.retry.firstDelayMs * 2 ** (attempt - 2))
          if (this.stop.signal.aborted || !stillWanted()) return false
        }
        const outcome = await this.post(webhookId, body)
        if (this.stop.signal.aborted) return false
        this.log.record(callId, {
          kind: 'webhook',
          webhook_id: webhookId,
          event_type: event.type,
          attempt,
          ...outcome
        })
        if (outcome.delivered) return true
      }
      return false
    })()
    return { webhookId, done }
  }

  /** Stops every retry and aborts the requests under way (the simulator is closing). */
  close(): void {
    this.stop.abort()
  }

  private async post(
    webhookId: string,
    body: string
  ): Promise<{ status: number | null; delivered: boolean; error?: string }> {
    const timestamp = Math.floor(Date.now() / 1000)
    try {
      const res = await fetch(this.target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)',
          'webhook-id': webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(this.key, webhookId, timestamp, body)
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)])
      })
      await res.arrayBuffer().catch(() => undefined)
      return { status: res.status, delivered: res.status >= 200 && res.status < 300 }
    } catch (error) {
      return { status: null, delivered: false, error: describe(error) }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.stop.signal
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
      function done(): void {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
    })
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.name === 'TimeoutError' ? 'timed out' : error.message}${cause}`
}
