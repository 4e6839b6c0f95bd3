/**
 * numpy's default percentile (`method="linear"`, also pandas' `quantile`): sort, take the
 * virtual index (n - 1) * q, and interpolate between the two closest ranks. The interpolation
 * is numpy's `_lerp` (from the upper value when the fraction is ≥ 0.5), so results match numpy
 * to the last bit. `q` is in [0, 1]; null for no values.
 */
export function percentile(values: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile: q must be in [0, 1], got ${q}`)
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const index = (sorted.length - 1) * q
  const below = Math.floor(index)
  const above = Math.min(below + 1, sorted.length - 1)
  const lo = sorted[below] as number
  const hi = sorted[above] as number
  const fraction = index - below
  const diff = hi - lo
  return fraction >= 0.5 ? hi - diff * (1 - fraction) : lo + diff * fraction
}

/** P50 and P95 of the same values (numpy-linear). */
export function p50p95(values: readonly number[]): { p50: number | null; p95: number | null } {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95) }
}
