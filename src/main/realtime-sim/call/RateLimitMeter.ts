import type { Timers } from './Timers'

export interface RateLimitEntry {
  name: 'requests' | 'tokens'
  limit: number
  remaining: number
  reset_seconds: number
}

const WINDOW_MS = 60_000

/** Per-minute request and token budgets, spent by each response (for `rate_limits.updated`). */
export class RateLimitMeter {
  private spent: { at: number; tokens: number }[] = []

  constructor(
    private readonly timers: Timers,
    private readonly limits = { requests: 5000, tokens: 400_000 }
  ) {}

  spend(tokens: number): RateLimitEntry[] {
    const now = this.timers.now()
    this.spent = this.spent.filter((s) => now - s.at < WINDOW_MS)
    this.spent.push({ at: now, tokens })
    const resetSeconds = (WINDOW_MS - (now - this.spent[0]!.at)) / 1000
    const usedTokens = this.spent.reduce((sum, s) => sum + s.tokens, 0)
    return [
      {
        name: 'requests',
        limit: this.limits.requests,
        remaining: Math.max(0, this.limits.requests - this.spent.length),
        reset_seconds: resetSeconds
      },
      {
        name: 'tokens',
        limit: this.limits.tokens,
        remaining: Math.max(0, this.limits.tokens - usedTokens),
        reset_seconds: resetSeconds
      }
    ]
  }
}
