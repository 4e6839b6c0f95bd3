import { describe, expect, it } from 'vitest'
import { CallInputBatches } from '../../../src/main/gateway/CallInputBatches'
import type { CallInput } from '../../../src/shared/live-call/callEvents'

const input = (type: string, t: number): CallInput => ({ t, event: { type } }) as CallInput
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20))

describe("a gateway call's input batches", () => {
  it('announces each input once, before its write is done, even when the write is retried', async () => {
    const order: string[] = []
    let writes = 0
    let releaseWrite: () => void = () => undefined
    const batches = new CallInputBatches(
      Promise.resolve('LIVE-1'),
      async (_id, inputs) => {
        order.push(`store ${inputs.map((i) => i.t).join(',')}`)
        // The first write fails (the batch is kept); the second hangs until released.
        if (++writes === 1) throw new Error('database busy')
        if (writes === 2) await new Promise<void>((resolve) => (releaseWrite = resolve))
      },
      () => undefined,
      (_id, inputs) => order.push(`announce ${inputs.map((i) => i.t).join(',')}`)
    )
    batches.add(input('clock.tick', 1))
    // An input that completes a rule's evidence flushes at once.
    batches.add(input('response.done', 2))
    await settle()
    expect(order).toEqual(['announce 1,2', 'store 1,2'])
    batches.add(input('response.done', 3))
    await settle()
    // Input 3 is on the wallboard while the retried write is still under way.
    expect(order).toEqual(['announce 1,2', 'store 1,2', 'announce 3', 'store 1,2,3'])
    releaseWrite()
    expect(await batches.close()).toBe(0)
    expect(order.filter((line) => line.startsWith('announce'))).toEqual([
      'announce 1,2',
      'announce 3'
    ])
  })
})
