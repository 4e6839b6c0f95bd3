/** Node's network codes for a server that cannot be reached or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN'
])

/**
 * PostgreSQL's codes for a server going away or not taking connections yet: admin_shutdown,
 * crash_shutdown, cannot_connect_now (starting up, or shutting down). Class 08 (connection
 * exception) is matched by its prefix.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03'])

/** pg's own wording when a connection ends or cannot be made in time (it sets no code). */
const PG_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection error and is not queryable/i
]

/**
 * Whether a driver error means the team database is unreachable (the write may go through
 * later, unchanged) rather than that the write itself was refused. Pure: reads only `code`,
 * `message`, and the errors an AggregateError or a `cause` wraps (Node reports a host with
 * several addresses as one AggregateError).
 */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false
  const { code, message, errors, cause } = error as {
    code?: unknown
    message?: unknown
    errors?: unknown
    cause?: unknown
  }
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code)) return true
    if (/^08[0-9A-Z]{3}$/.test(code)) return true
  }
  if (typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message)))
    return true
  if (Array.isArray(errors) && errors.some((inner) => isConnectionLost(inner, depth + 1)))
    return true
  return cause !== undefined && isConnectionLost(cause, depth + 1)
}

/**
 * Runs `work`, and once more (after `waitMs`) when it met a lost connection: the first statement
 * after a server restart may get a pooled connection the restart cut, and the pool hands out a
 * fresh one next. Any other error, or a second loss, is thrown.
 */
export async function onceMoreIfConnectionLost<T>(work: () => Promise<T>, waitMs = 0): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!isConnectionLost(error)) throw error
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
    return work()
  }
}
