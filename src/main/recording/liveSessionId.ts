/**
 * LIVE-<UTC yyyymmdd>-<hhmmss>-<4 hex>: sorts by start time, readable on a call sheet. `digits`
 * 8: for an id that cannot be checked against the team's (its database away), where two desks'
 * calls in the same second must not meet by chance (1 in 4 billion, not 1 in 65,536).
 */
export function liveSessionId(
  startedAt: number,
  random: () => number = Math.random,
  digits: 4 | 8 = 4
): string {
  const iso = new Date(startedAt).toISOString() // 2026-11-25T14:30:12.000Z
  const date = iso.slice(0, 10).replaceAll('-', '')
  const time = iso.slice(11, 19).replaceAll(':', '')
  const suffix = Math.floor(random() * 16 ** digits)
    .toString(16)
    .padStart(digits, '0')
  return `LIVE-${date}-${time}-${suffix}`
}
