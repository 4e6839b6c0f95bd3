import OpenAI from 'openai'

export interface RealtimeClientOptions {
  /** The API's base, without /v1 (`https://api.openai.com`, or a simulator on loopback). */
  realtimeBaseUrl: string
  apiKey: string
  /** `whsec_…`: what `webhooks.unwrap` verifies deliveries with. */
  webhookSecret: string
}

/** A ringing phone waits for the answer: a slow API is given one retry, then the call fails. */
const REQUEST_TIMEOUT_MS = 10_000

/**
 * The official `openai` client the gateway holds the standard key in: it verifies webhooks
 * (`webhooks.unwrap`) and accepts, rejects or hangs up calls (`realtime.calls`).
 */
export function realtimeClient(options: RealtimeClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: `${options.realtimeBaseUrl}/v1`,
    webhookSecret: options.webhookSecret,
    maxRetries: 1,
    timeout: REQUEST_TIMEOUT_MS
  })
}
