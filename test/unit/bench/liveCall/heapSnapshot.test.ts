import { describe, expect, it } from 'vitest'
import {
  growth,
  totalsByConstructor,
  type HeapSnapshot
} from '../../../../tools/bench/liveCall/heapSnapshot'

// A snapshot in V8's layout: 3 fields a node (type, name, self_size), names in `strings`.
const snapshot = (nodes: [type: number, name: number, size: number][]): HeapSnapshot => ({
  snapshot: {
    meta: {
      node_fields: ['type', 'name', 'self_size'],
      node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure'], 'string']
    }
  },
  nodes: nodes.flat(),
  strings: ['', 'CallState', 'a long transcript', 'onmessage']
})

describe('heap snapshot totals', () => {
  it('sums count and self size per constructor, strings by type alone', () => {
    const totals = totalsByConstructor(
      snapshot([
        [3, 1, 100],
        [3, 1, 60],
        [2, 2, 40],
        [5, 3, 32]
      ])
    )
    expect(totals.get('object:CallState')).toEqual({ count: 2, bytes: 160 })
    expect(totals.get('string:')).toEqual({ count: 1, bytes: 40 })
    expect(totals.get('closure:onmessage')).toEqual({ count: 1, bytes: 32 })
  })

  it('lists what grew between two snapshots, most bytes first', () => {
    const before = totalsByConstructor(
      snapshot([
        [3, 1, 100],
        [2, 2, 40]
      ])
    )
    const after = totalsByConstructor(
      snapshot([
        [3, 1, 100],
        [3, 1, 100],
        [2, 2, 40],
        [5, 3, 32]
      ])
    )
    expect(growth(before, after)).toEqual([
      { key: 'object:CallState', count: 1, bytes: 100 },
      { key: 'closure:onmessage', count: 1, bytes: 32 }
    ])
  })
})
