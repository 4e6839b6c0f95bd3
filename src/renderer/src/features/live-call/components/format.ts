/** 65 → "1:05"; hours when a call runs that long. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

export const formatMs = (ms: number | null): string => (ms === null ? '–' : `${Math.round(ms)} ms`)

export function formatUsd(usd: number | null): string {
  if (usd === null) return '–'
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`
}
