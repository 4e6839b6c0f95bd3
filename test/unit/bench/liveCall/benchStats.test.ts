import { describe, expect, it } from 'vitest'
import { leastSquaresSlope, summarizeLongTasks } from '../../../../tools/bench/liveCall/benchStats'

describe('summarizeLongTasks', () => {
  it('counts, sums and finds the longest task, and the busy share of the observed time', () => {
    const tasks = [
      { startTime: 10, duration: 55 },
      { startTime: 900, duration: 120 },
      { startTime: 1500, duration: 75 }
    ]
    expect(summarizeLongTasks(tasks, 10_000)).toEqual({
      count: 3,
      totalMs: 250,
      longestMs: 120,
      busyPct: 2.5
    })
  })

  it('reports zeros for a quiet page', () => {
    expect(summarizeLongTasks([], 60_000)).toEqual({
      count: 0,
      totalMs: 0,
      longestMs: 0,
      busyPct: 0
    })
  })
})

describe('leastSquaresSlope', () => {
  it('is the growth per step of a straight line', () => {
    const points = [1, 2, 3, 4].map((x) => ({ x, y: 100 + 7 * x }))
    expect(leastSquaresSlope(points)).toBeCloseTo(7, 10)
  })

  it('is barely moved by one outlier, unlike last minus first', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({ x: i + 1, y: 5000 }))
    points[19]!.y = 5400
    expect(leastSquaresSlope(points)!).toBeLessThan(400 / 19)
    expect(leastSquaresSlope(points)!).toBeGreaterThan(0)
  })

  it('has no slope for fewer than two points or one x', () => {
    expect(leastSquaresSlope([{ x: 1, y: 2 }])).toBeNull()
    expect(
      leastSquaresSlope([
        { x: 1, y: 2 },
        { x: 1, y: 3 }
      ])
    ).toBeNull()
  })
})
