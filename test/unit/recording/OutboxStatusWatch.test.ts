import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  OutboxStatusWatch,
  type OutboxReadings
} from '../../../src/main/recording/OutboxStatusWatch'
import type { OutboxStatus } from '../../../src/shared/team/outboxStatus'

describe('OutboxStatusWatch', () => {
  // LiveWrites' two getters, as plain fields the test moves.
  let writes: { backlog: number; unreachable: boolean } & OutboxReadings
  let announced: OutboxStatus[]
  let watch: OutboxStatusWatch
  beforeEach(() => {
    vi.useFakeTimers()
    writes = { backlog: 0, unreachable: false }
    announced = []
    watch = new OutboxStatusWatch(writes, (status) => announced.push(status), 250)
  })
  afterEach(() => {
    watch.close()
    vi.useRealTimers()
  })

  it('says nothing while nothing changes', () => {
    vi.advanceTimersByTime(5_000)
    expect(announced).toEqual([])
  })

  it('announces the database going away, the queue growing and draining, once each', () => {
    writes.unreachable = true
    writes.backlog = 1
    vi.advanceTimersByTime(250)
    writes.backlog = 3
    vi.advanceTimersByTime(1_000) // four samples, one change
    writes.unreachable = false
    vi.advanceTimersByTime(250)
    writes.backlog = 0
    vi.advanceTimersByTime(1_000)
    expect(announced).toEqual([
      { unreachable: true, waiting: 1 },
      { unreachable: true, waiting: 3 },
      { unreachable: false, waiting: 3 },
      { unreachable: false, waiting: 0 }
    ])
  })

  it('announces a change of either reading alone', () => {
    writes.unreachable = true
    watch.check()
    writes.unreachable = false
    watch.check()
    writes.backlog = 2
    watch.check()
    watch.check()
    expect(announced).toEqual([
      { unreachable: true, waiting: 0 },
      { unreachable: false, waiting: 0 },
      { unreachable: false, waiting: 2 }
    ])
  })

  it('reads the status now on request, whatever it announced', () => {
    writes.unreachable = true
    writes.backlog = 7
    expect(watch.status()).toEqual({ unreachable: true, waiting: 7 })
    expect(announced).toEqual([])
  })

  it('stops sampling once closed', () => {
    watch.close()
    writes.unreachable = true
    vi.advanceTimersByTime(5_000)
    expect(announced).toEqual([])
  })
})
