/** One evaluated question: the 1-based rank of the first expected id found, or null. */
export interface RankedAnswer {
  group: string
  rank: number | null
}

export interface RetrievalScores {
  questions: number
  recallAt1: number
  recallAt3: number
  mrr: number
}

/** recall@1, recall@3 and mean reciprocal rank, overall and per group (e.g. language). */
export function retrievalScores(answers: readonly RankedAnswer[]): Record<string, RetrievalScores> {
  const groups = new Map<string, RankedAnswer[]>([['all', [...answers]]])
  for (const a of answers) groups.set(a.group, [...(groups.get(a.group) ?? []), a])
  const score = (list: RankedAnswer[]): RetrievalScores => ({
    questions: list.length,
    recallAt1: list.filter((a) => a.rank === 1).length / list.length,
    recallAt3: list.filter((a) => a.rank !== null && a.rank <= 3).length / list.length,
    mrr: list.reduce((sum, a) => sum + (a.rank ? 1 / a.rank : 0), 0) / list.length
  })
  return Object.fromEntries([...groups].map(([group, list]) => [group, score(list)]))
}

/** Rank of the first result matching an expected id; a section id matches its passages. */
export function rankOf(results: readonly string[], expected: readonly string[]): number | null {
  const index = results.findIndex((id) => expected.some((e) => id === e || id.startsWith(`${e}#`)))
  return index < 0 ? null : index + 1
}
