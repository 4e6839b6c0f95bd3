/** How long to wait before reconnect attempt `attempt` (0-based). */
export interface Backoff {
  initialMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5_000 }

/**
 * Exponential backoff with jitter in [half, whole] of the step: after a server restart the
 * desks of a floor do not all reconnect in the same millisecond.
 */
export function reconnectDelayMs(
  attempt: number,
  backoff: Backoff,
  random: () => number = Math.random
): number {
  const step = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30))
  return Math.round(step / 2 + (step / 2) * random())
}
