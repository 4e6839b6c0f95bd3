import { createHmac } from 'node:crypto'

/** A webhook secret that is not `whsec_` + base64 of at least 24 bytes. */
export class WebhookSecretError extends Error {}

const MIN_KEY_BYTES = 24

/**
 * The signing key of a `whsec_…` secret: the base64 after the prefix, as the platform's
 * secrets and the `openai` SDK's `webhooks.unwrap` read it. Checked once at start-up, so a
 * mistyped secret fails there rather than as signatures no receiver can verify.
 */
export function webhookSigningKey(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : null
  if (encoded === null || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
    throw new WebhookSecretError("A webhook secret is 'whsec_' followed by base64.")
  const key = Buffer.from(encoded, 'base64')
  if (key.length < MIN_KEY_BYTES)
    throw new WebhookSecretError(`A webhook secret holds at least ${MIN_KEY_BYTES} bytes.`)
  return key
}

/**
 * Standard Webhooks v1: HMAC-SHA256 over `${id}.${timestamp}.${body}`, base64, as the
 * `webhook-signature` header value `v1,<signature>`.
 */
export function signWebhook(
  key: Buffer,
  id: string,
  timestampSeconds: number,
  body: string
): string {
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`)
  return `v1,${mac.digest('base64')}`
}
