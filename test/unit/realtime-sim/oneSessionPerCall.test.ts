import { describe, expect, it } from 'vitest'
import { useSimulator } from './support/simServer'
import { placeWrtcCall } from './support/wrtcCaller'

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('one session per WebRTC call', { timeout: 30_000 }, () => {
  const simulator = useSimulator()

  it('greets a real wrtc caller with exactly one session.created and opens one call session', async () => {
    const sim = await simulator.start()
    const caller = await placeWrtcCall(sim.url)
    try {
      await caller.waitFor('session.created')
      // A duplicate open would be handled within the same tick or the next few; give it time.
      await settle(1000)
      expect(caller.events.filter((e) => e['type'] === 'session.created')).toHaveLength(1)
      const connected = sim.groundTruth
        .list(caller.callId)
        .filter((entry) => entry.kind === 'call' && entry.state === 'connected')
      expect(connected).toHaveLength(1)
      // The one session answers: a session.update gets exactly one session.updated.
      caller.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Hi.' } })
      await caller.waitFor('session.updated')
      await settle(300)
      expect(caller.events.filter((e) => e['type'] === 'session.updated')).toHaveLength(1)
    } finally {
      caller.pc.close()
    }
  })
})
