/** One PerformanceObserver 'longtask' entry, as the page reports it. */
export interface LongTask {
  startTime: number
  duration: number
}

export interface LongTaskSummary {
  count: number
  totalMs: number
  longestMs: number
  /** Share of the observed time the main thread spent in long tasks, %. */
  busyPct: number
}

/** Count, total and longest of the long tasks seen over `observedMs` of page time. */
export function summarizeLongTasks(
  tasks: readonly LongTask[],
  observedMs: number
): LongTaskSummary {
  const totalMs = tasks.reduce((sum, t) => sum + t.duration, 0)
  return {
    count: tasks.length,
    totalMs,
    longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    busyPct: observedMs > 0 ? (100 * totalMs) / observedMs : 0
  }
}

/**
 * Least-squares slope of y over x (growth per step). Unlike last − first, one noisy sample (a
 * GC that left something behind, a cache filled once) moves it little. Null under 2 points.
 */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null
  const n = points.length
  const meanX = points.reduce((s, p) => s + p.x, 0) / n
  const meanY = points.reduce((s, p) => s + p.y, 0) / n
  let num = 0
  let den = 0
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY)
    den += (p.x - meanX) ** 2
  }
  return den === 0 ? null : num / den
}
