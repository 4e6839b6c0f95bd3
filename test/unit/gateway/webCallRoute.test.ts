import wrtc from '@roamhq/wrtc'
import { afterEach, describe, expect, it } from 'vitest'
import { iceGatheringComplete } from '../../../src/shared/realtime/iceGatheringComplete'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { useGateways } from './support/gatewayRig'
import { entries, usePhoneGateway } from './support/phoneCallRig'

/** An audio-only offer with its candidates, as the customer page sends it. */
async function audioOffer(): Promise<{ pc: RTCPeerConnection; sdp: string }> {
  const pc = new wrtc.RTCPeerConnection()
  pc.addTransceiver('audio', { direction: 'sendrecv' })
  await pc.setLocalDescription(await pc.createOffer())
  await iceGatheringComplete(pc as never)
  return { pc, sdp: pc.localDescription!.sdp }
}

const postOffer = (url: string, sdp: string, type = 'application/sdp'): Promise<Response> =>
  fetch(`${url}/call/offer`, { method: 'POST', headers: { 'content-type': type }, body: sdp })

const postHangup = (url: string, body: unknown): Promise<Response> =>
  fetch(`${url}/call/hangup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })

describe.skipIf(skipWithoutPostgres)('the web channel', { timeout: 60_000 }, () => {
  const pg15 = usePostgres()
  const gateways = useGateways(pg15)
  const rig = usePhoneGateway(pg15)
  const peers: RTCPeerConnection[] = []
  afterEach(() => peers.splice(0).forEach((pc) => pc.close()))

  it('serves the customer page with its notice, under a policy that allows its own origin only', async () => {
    const { gateway } = await gateways.start()
    const page = await fetch(`${gateway.url}/call`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(page.headers.get('permissions-policy')).toContain('microphone=(self)')
    expect(await page.text()).toContain(
      'You are talking to an AI assistant. This call is recorded.'
    )
    const script = await fetch(`${gateway.url}/call/call.js`)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    // The page's texts in the three languages the console speaks.
    expect(await script.text()).toMatch(/Vous parlez à un assistant IA[\s\S]*/)
  })

  it('refuses what is not an offer, and says so when the API cannot be reached', async () => {
    const { gateway, lines } = await gateways.start()
    expect((await postOffer(gateway.url, 'v=0', 'text/plain')).status).toBe(415)
    expect((await postOffer(gateway.url, 'hello')).status).toBe(400)
    expect((await postOffer(gateway.url, 'v=0\r\n'.padEnd(70_000, 'a'))).status).toBe(413)
    const { pc, sdp } = await audioOffer()
    peers.push(pc)
    const unreachable = await postOffer(gateway.url, sdp)
    expect(unreachable.status).toBe(502)
    expect(lines.some((line) => line.startsWith('web call not started'))).toBe(true)
    // The slot was given back: the gateway is idle again.
    expect((await gateway.health()).calls.inProgress).toBe(0)
    expect((await postHangup(gateway.url, { token: 'x' })).status).toBe(400)
    expect((await postHangup(gateway.url, { token: 'a'.repeat(24) })).status).toBe(404)
  })

  it('answers an offer through the API, refuses one over capacity (503), and ends the call when its page hangs up', async () => {
    const { sim, gateway, admin } = await rig.start({ maxCalls: 1 })
    const first = await audioOffer()
    peers.push(first.pc)
    const answered = await postOffer(gateway.url, first.sdp)
    expect(answered.status).toBe(201)
    expect(answered.headers.get('content-type')).toBe('application/sdp')
    const token = answered.headers.get('x-call-token')!
    expect(token).toMatch(/^[\w-]{24}$/)
    await first.pc.setRemoteDescription({ type: 'answer', sdp: await answered.text() })

    const second = await audioOffer()
    peers.push(second.pc)
    const busy = await postOffer(gateway.url, second.sdp)
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('30')
    expect((await gateway.health()).calls.rejectedOverCapacity).toBe(1)

    await expect
      .poll(async () => (await admin.query(`SELECT call_id, channel FROM calls`)).rows, {
        timeout: 20_000
      })
      .toEqual([{ call_id: expect.stringMatching(/^rtc_/), channel: 'web' }])
    const callId = String((await admin.query(`SELECT call_id FROM calls`)).rows[0].call_id)
    // The sideband attached at once: the greeting came from the gateway.
    expect(entries(sim, callId, 'sideband')[0]?.state).toBe('attached')

    expect((await postHangup(gateway.url, { token: `${token.slice(1)}x` })).status).toBe(404)
    expect((await postHangup(gateway.url, { token })).status).toBe(204)
    await expect
      .poll(() => entries(sim, callId, 'call').at(-1)?.detail, { timeout: 20_000 })
      .toBe('hangup')
    await expect
      .poll(async () => (await admin.query(`SELECT status FROM calls`)).rows[0]?.status, {
        timeout: 20_000
      })
      .toBe('finished')
    expect((await gateway.health()).calls.inProgress).toBe(0)
    // Once over, the token ends nothing.
    expect((await postHangup(gateway.url, { token })).status).toBe(404)
  })
})
