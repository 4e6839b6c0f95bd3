import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services'
import { useTempDir } from '../../support/tempDir'
import { openConsole } from '../recording/support'

describe('reports.channels at the chokepoint', () => {
  const tmp = useTempDir()
  let open: Services | undefined
  afterEach(() => open?.close())

  it("refuses a payload that is not the report's filter, and counts no calls on a desk that placed none", async () => {
    const { services, call } = await openConsole(tmp.path())
    open = services
    for (const payload of [
      {},
      { filter: { channel: ['web'] } },
      { filter: { startedFrom: '2026-12-07', startedTo: '2026-12-01' } },
      { filter: { language: 'en' } },
      null
    ])
      expect(await call('reports.channels', payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    // The pilot sample is sessions without calls: no channel has a call.
    expect(await call('reports.channels', { filter: {} })).toEqual({
      ok: true,
      data: { channels: [] }
    })
  })
})
