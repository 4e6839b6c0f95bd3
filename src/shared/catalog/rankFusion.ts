/** Reciprocal rank fusion's usual constant: damps the weight of the very first ranks. */
export const RRF_K = 60

/**
 * Merges rankings (each best first) by reciprocal rank fusion: an id scores the sum of
 * 1 / (RRF_K + rank) over the rankings that contain it. Scores of different scales (BM25,
 * cosine) never need to be compared. Ties keep the order in which ids first appear, the first
 * ranking's first.
 */
export function fuseRankings(
  rankings: readonly (readonly string[])[]
): { id: string; score: number }[] {
  const scores = new Map<string, number>()
  for (const ranking of rankings)
    ranking.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + index + 1)))
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score)
}
