import { describe, expect, it } from 'vitest'
import { LabReportAccumulator } from '../../../src/shared/analytics/labReport'
import { LabReportColumns, labReportJsonChunks } from '../../../tools/cli/labReportColumns'
import { labReportJson } from '../../../src/shared/analytics/labReportJson'
import { labReportLines } from '../../../src/shared/analytics/labReportText'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { seededRandom } from '../../../tools/generate/syntheticSessions'

const joined = (pieces: Iterable<string | Uint8Array>): string => {
  const decoder = new TextDecoder()
  let text = ''
  for (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece)
  return text
}

function randomSessions(seed: number, count: number, oddIds: boolean): LabSession[] {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const ids = Array.from({ length: count }, (_, i) => `S${String(i).padStart(6, '0')}`)
  if (random() < 0.5) ids.sort(() => random() - 0.5)
  return ids.map((id, i) => {
    const p50 = pick([70, 85.5, 90, 101.25, 0.1 * i])
    return {
      session_id:
        oddIds && random() < 0.2
          ? pick(['é', '"', '\\', '\n', '\u2028', '\ud83d\ude00', 'Z']) + id
          : id,
      scenario: pick(['faq', 'complaint', 'demo', 'réclamation']),
      duration_sec: pick([45, 12.5, 1e21, 3e-7, 0, 1234567890123456]),
      latency_p50_ms: p50,
      latency_p95_ms: p50 + pick([100, 150, 0.3]),
      interruptions: pick([0, 1, 3, 5]),
      turns: pick([1, 8]),
      sentiment: pick(['positive', 'negative', 'neutral', 'Négatif']),
      model: 'm',
      rag_used: random() < 0.7,
      language: pick(['en', 'fr', 'es', 'de'])
    }
  })
}

function bothWays(sessions: LabSession[]) {
  const accumulator = new LabReportAccumulator()
  const columns = new LabReportColumns()
  for (const s of sessions) {
    accumulator.add(s)
    expect(columns.addSession(s)).toBe(true)
  }
  return { before: accumulator.view(), after: columns.view() }
}

describe('LabReportColumns', { timeout: 30_000 }, () => {
  it.each([
    [1, 0, false],
    [2, 1, false],
    [3, 40, true],
    [4, 5_000, false],
    [5, 5_000, true],
    [6, 30_000, false] // lists longer than one JSON chunk
  ])('gives the accumulator report to the byte (seed %i, %i sessions)', (seed, count, odd) => {
    const { before, after } = bothWays(randomSessions(seed, count, odd))
    const json = [...labReportJson(before)].join('')
    expect(joined(labReportJsonChunks(after))).toBe(json)
    expect([...labReportJson(after)].join('')).toBe(json)
    expect([...labReportLines(after, 7)]).toEqual([...labReportLines(before, 7)])
    expect([...labReportLines(after)].join('\n')).toBe([...labReportLines(before)].join('\n'))
  })

  it('reads ASCII rows from bytes like sessions', () => {
    const sessions = randomSessions(9, 2_000, false)
    const fromBytes = new LabReportColumns()
    const fromSessions = new LabReportColumns()
    const bytes = new TextEncoder().encode(`xx${sessions.map((s) => s.session_id).join('')}`)
    let at = 2
    for (const s of sessions) {
      const end = at + s.session_id.length
      const added = fromBytes.addAscii(
        bytes,
        at,
        end,
        s.scenario,
        s.duration_sec,
        s.latency_p50_ms,
        s.latency_p95_ms,
        s.interruptions,
        s.sentiment,
        s.rag_used,
        s.language
      )
      expect(added).toBe(true)
      fromSessions.addSession(s)
      at = end
    }
    expect(joined(labReportJsonChunks(fromBytes.view()))).toBe(
      joined(labReportJsonChunks(fromSessions.view()))
    )
  })

  it('sorts tables out of id order in shared arrays, and refuses two listings at once', () => {
    const sessions = randomSessions(4, 3_000, false).map((s, i) => ({
      ...s,
      session_id: `S${String(3_000 - i).padStart(5, '0')}`, // every table out of id order
      latency_p95_ms: 500,
      rag_used: false
    }))
    const { before, after } = bothWays(sessions)
    expect(joined(labReportJsonChunks(after))).toBe([...labReportJson(before)].join(''))
    const slow = after.latency.slow_sessions[Symbol.iterator]()
    expect(slow.next().value?.session_id).toBe('S00001')
    expect([...after.rag.sessions_without_rag][0]?.session_id).toBe('S00001')
    expect(() => slow.next()).toThrow(/another table was sorted/)
  })

  it('refuses an id it holds, in order, out of order and after the hash table grows', () => {
    const random = seededRandom(3)
    const columns = new LabReportColumns()
    const seen = new Set<string>()
    const session = (id: string): LabSession => ({
      ...randomSessions(1, 1, false)[0]!,
      session_id: id
    })
    const ids = [
      ...Array.from({ length: 3_000 }, (_, i) => `A${String(i).padStart(5, '0')}`),
      'A00010',
      'A',
      '',
      ...Array.from({ length: 20_000 }, () => `B${Math.floor(random() * 15_000)}`),
      'é',
      'é',
      'A00000', // in the in-order prefix, long after the first id out of order
      'A02999',
      'A03000'
    ]
    for (const id of ids) {
      expect(columns.addSession(session(id))).toBe(!seen.has(id))
      seen.add(id)
    }
    expect(columns.size).toBe(seen.size)
  })
})
