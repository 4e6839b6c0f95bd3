import type { LabReportView } from './labReport'
import type { Listed } from './listedSessions'

const MARK = '\u0000list:'
const CHUNK_CHARS = 1 << 16

type ReportList = Listed<unknown>

/**
 * The report's JSON with its four session lists cut out: the text between them, and each list
 * where it goes. Both writers below and labReportJsonChunks fill the lists in their own way.
 */
export function* reportJsonParts(r: LabReportView): Generator<string | ReportList> {
  const lists: ReportList[] = [
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
  for (let i = 0; i < parts.length; i++) yield i % 2 === 0 ? parts[i]! : lists[Number(parts[i])]!
}

/** A list's items as JSON texts: its own writer when it has one. */
export function jsonItemsOf(list: ReportList): Iterable<string> {
  return list.jsonItems ? list.jsonItems() : stringified(list)
}

/**
 * The report as JSON text in chunks, identical to JSON.stringify(report) but without building
 * one giant string: the lists are written item by item.
 */
export function* labReportJson(r: LabReportView): Generator<string> {
  for (const part of reportJsonParts(r)) {
    if (typeof part === 'string') {
      yield part
      continue
    }
    let buffer = '['
    let first = true
    for (const item of jsonItemsOf(part)) {
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
