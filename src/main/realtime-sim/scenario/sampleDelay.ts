import type { DelaySpec } from './scenarioSchema'

/** Deterministic PRNG (mulberry32): a scenario's seed replays the same delays. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Draws one delay in ms from a fixed value or a distribution. */
export function sampleDelay(spec: DelaySpec, random: () => number): number {
  if (typeof spec === 'number') return spec
  if (spec.distribution === 'uniform')
    return Math.round(spec.min_ms + random() * (spec.max_ms - spec.min_ms))
  // Box–Muller; clamped so a long tail cannot produce a negative or absurd delay.
  const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const value = spec.mean_ms + gaussian * spec.sd_ms
  return Math.round(Math.min(spec.max_ms ?? Infinity, Math.max(spec.min_ms ?? 0, value)))
}
