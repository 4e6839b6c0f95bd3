import type { LabReportView } from './labReport'

const MARK = '\u0000list:'
const CHUNK_CHARS = 1 << 16

/**
 * The report as JSON text in chunks, identical to JSON.stringify(report) but without building
 * one giant string: the lists are written item by item.
 */
export function* labReportJson(r: LabReportView): Generator<string> {
  const lists = [
    r.latency.slow_sessions,
    r.sentiment.negative_sessions,
    r.rag.sessions_without_rag,
    r.interruptions.high_interruption_sessions
  ]
  const skeleton = JSON.stringify({
    ...r,
    latency: { ...r.latency, slow_sessions: `${MARK}0` },
    sentiment: { ...r.sentiment, negative_sessions: `${MARK}1` },
    rag: { ...r.rag, sessions_without_rag: `${MARK}2` },
    interruptions: { ...r.interruptions, high_interruption_sessions: `${MARK}3` }
  })
  const parts = skeleton.split(/"\\u0000list:(\d)"/)
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      yield parts[i]!
      continue
    }
    let buffer = '['
    let first = true
    const list = lists[Number(parts[i])]!
    const items = list.jsonItems ? list.jsonItems() : stringified(list)
    for (const item of items) {
      buffer += (first ? '' : ',') + item
      first = false
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer
        buffer = ''
      }
    }
    yield `${buffer}]`
  }
}

function* stringified(items: Iterable<unknown>): Generator<string> {
  for (const item of items) yield JSON.stringify(item)
}
