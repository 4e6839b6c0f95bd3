import { LAB_COLUMNS } from '../../src/shared/sessions/labSchema'

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same file everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SCENARIOS = ['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq']
const LANGUAGES = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'es', 'fr']

/**
 * CSV lines shaped like the pilot: complaints and returns are slower, longer and more often
 * negative with more interruptions; FAQs rarely use RAG. Proportions match the pilot's (on 100k
 * rows: 28.5 % slow, 26.1 % negative, 22 % without RAG, 20 % with ≥ 3 interruptions, average
 * P50/P95 90.7/188.2 ms). Ids are SYN0000001… so they sort.
 */
export function* syntheticSessionLines(count: number, seed = 59): Generator<string> {
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  yield LAB_COLUMNS.join(',')
  for (let i = 1; i <= count; i++) {
    const scenario = pick(SCENARIOS)
    const hard = scenario === 'complaint' || scenario === 'return_request'
    const faq = scenario === 'faq'
    const rag = faq ? random() < 0.1 : random() < 0.95
    const p50 = Math.round(72 + random() * 20 + (hard ? 10 : 0) + (rag ? 6 : 0))
    const p95 = Math.round(p50 * (1.85 + random() * 0.45))
    const interruptions = Math.floor(random() * (hard ? 6 : 2.5))
    const negative = hard && (interruptions >= 3 || random() < 0.3)
    const sentiment = negative ? 'negative' : random() < 0.7 ? 'positive' : 'neutral'
    const turns = Math.max(2, Math.round((faq ? 3 : 6) + random() * (hard ? 12 : 6)))
    const duration = Math.round(turns * (4.5 + random() * 3))
    yield [
      `SYN${String(i).padStart(7, '0')}`,
      scenario,
      duration,
      p50,
      p95,
      interruptions,
      turns,
      sentiment,
      'gpt-realtime',
      rag ? 'true' : 'false',
      pick(LANGUAGES)
    ].join(',')
  }
}
