/** LIVE-<UTC yyyymmdd>-<hhmmss>-<4 hex>: sorts by start time, readable on a call sheet. */
export function liveSessionId(startedAt: number, random: () => number = Math.random): string {
  const iso = new Date(startedAt).toISOString() // 2026-11-25T14:30:12.000Z
  const date = iso.slice(0, 10).replaceAll('-', '')
  const time = iso.slice(11, 19).replaceAll(':', '')
  const suffix = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0')
  return `LIVE-${date}-${time}-${suffix}`
}
