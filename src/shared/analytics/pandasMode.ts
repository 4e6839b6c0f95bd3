/**
 * pandas' Series.mode().iloc[0]: the most frequent value; on a tie, the first in sorted order.
 * Returns undefined for an empty count map.
 */
export function pandasMode(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined
  let bestCount = 0
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value
      bestCount = count
    }
  }
  return best
}
