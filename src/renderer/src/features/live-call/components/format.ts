import { numberFormat } from '@renderer/i18n'

/** 65 → "1:05"; hours when a call runs that long. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** Whole numbers in the UI language; four-digit ones stay ungrouped ("1234 ms", as before). */
export const formatWhole = (value: number): string =>
  numberFormat({ maximumFractionDigits: 0, useGrouping: 'min2' }).format(value)

export const formatMs = (ms: number | null): string => (ms === null ? '–' : `${formatWhole(ms)} ms`)

/** Costs under a cent keep four decimals, so a short call does not read $0.00. */
export function formatUsd(usd: number | null): string {
  if (usd === null) return '–'
  const digits = usd < 0.01 ? 4 : 2
  return numberFormat({
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(usd)
}

/** Packet loss, 0–100, with one decimal. */
export const formatLossPct = (pct: number | null): string =>
  pct === null
    ? '–'
    : numberFormat({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        pct / 100
      )
