import type { CDPSession } from 'playwright-core'

// For finding what grows: a V8 heap snapshot through CDP, summed per constructor (node type +
// name), and the difference of two such sums. Used by liveCallBench.ts --snapshots.

/** The parts of V8's .heapsnapshot JSON read here. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: (string[] | string)[] } }
  nodes: number[]
  strings: string[]
}

export type ConstructorTotals = Map<string, { count: number; bytes: number }>

/** Count and self size of the heap's objects per "type:name" (e.g. "object:RTCPeerConnection"). */
export function totalsByConstructor(snap: HeapSnapshot): ConstructorTotals {
  const fields = snap.snapshot.meta.node_fields
  const types = snap.snapshot.meta.node_types[0] as string[]
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const totals: ConstructorTotals = new Map()
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!] ?? '?'
    // Strings and code are named by their content: group them by type alone.
    const name =
      type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt!]!] : ''
    const key = `${type}:${name}`
    const entry = totals.get(key) ?? { count: 0, bytes: 0 }
    entry.count += 1
    entry.bytes += snap.nodes[i + sizeAt!]!
    totals.set(key, entry)
  }
  return totals
}

/** What grew from `before` to `after`, most bytes first. */
export function growth(
  before: ConstructorTotals,
  after: ConstructorTotals,
  top = 15
): { key: string; count: number; bytes: number }[] {
  return [...after]
    .map(([key, a]) => {
      const b = before.get(key) ?? { count: 0, bytes: 0 }
      return { key, count: a.count - b.count, bytes: a.bytes - b.bytes }
    })
    .filter((d) => d.bytes > 0 || d.count > 0)
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top)
}

/** Takes a heap snapshot of the page (after a GC, which V8 does first) and parses it. */
export async function takeHeapSnapshot(cdp: CDPSession): Promise<HeapSnapshot> {
  const chunks: string[] = []
  const onChunk = ({ chunk }: { chunk: string }): void => void chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  return JSON.parse(chunks.join('')) as HeapSnapshot
}
