import { describe, expect, it } from 'vitest'
import { selfTimes, type CpuProfile } from '../../../../tools/bench/liveCall/cpuProfile'

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber
})

describe('selfTimes', () => {
  it('sums each sample’s time (delta to the next) per function, as a share of the wall time', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)') },
        { id: 2, callFrame: frame('render', 'http://127.0.0.1/assets/index.js', 9) },
        { id: 3, callFrame: frame('', 'http://127.0.0.1/assets/index.js', 41) }
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [1, 2, 2, 3, 1],
      timeDeltas: [0, 1000, 2000, 3000, 4000]
    }
    expect(selfTimes(profile)).toEqual([
      { frame: 'render index.js:10', ms: 5, pct: 50 },
      { frame: '(anonymous) index.js:42', ms: 4, pct: 40 },
      { frame: '(idle)', ms: 1, pct: 10 }
    ])
  })
})
