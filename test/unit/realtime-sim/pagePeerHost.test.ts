import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EventTransport } from '../../../src/main/realtime-sim/call/EventChannel'
import type { PeerHandlers } from '../../../src/main/realtime-sim/rtc/callPeer'
import { PagePeerHost } from '../../../src/main/realtime-sim/rtc/pagePeer/PagePeerHost'
import type { ToPage } from '../../../src/shared/demo-peer/pagePeerProtocol'
import { pcmFromBase64, pcmToBase64 } from '../../../src/shared/demo-peer/pcmBase64'

/** A page that answers every offer with a fixed SDP, and records what main sent it. */
function fakePage(
  answer: (offer: Extract<ToPage, { type: 'offer' }>) => unknown = (m) => ({
    type: 'answered',
    peerId: m.peerId,
    sdp: 'v=0 answer'
  })
) {
  const sent: ToPage[] = []
  let deliver: (raw: unknown) => void = () => undefined
  const link = {
    send: (message: ToPage) => {
      sent.push(message)
      if (message.type === 'offer') queueMicrotask(() => deliver(answer(message)))
    },
    onMessage: (listener: (raw: unknown) => void) => void (deliver = listener)
  }
  return { link, sent, fromPage: (raw: unknown) => deliver(raw) }
}

function handlers(frame: Int16Array | null = null) {
  const got = {
    transports: [] as EventTransport[],
    messages: [] as string[],
    audio: [] as { samples: Int16Array; rate: number }[],
    closed: [] as string[]
  }
  const h: PeerHandlers = {
    onChannelOpen: (transport) => void got.transports.push(transport),
    onConnected: () => undefined,
    onMessage: (text) => void got.messages.push(text),
    onAudio: (samples, rate) => void got.audio.push({ samples, rate }),
    pullFrame: () => frame,
    onClosed: (reason) => void got.closed.push(reason)
  }
  return { h, got }
}

afterEach(() => vi.useRealTimers())

describe('PagePeerHost (the demo agent peer in a Chromium page, main side)', () => {
  it('answers an offer through the page and relays the call both ways', async () => {
    const page = fakePage()
    const host = new PagePeerHost(page.link)
    const { h, got } = handlers()
    const { peer, sdp } = await host.answer('v=0 offer', h)
    expect(sdp).toBe('v=0 answer')
    expect(page.sent[0]).toEqual({ type: 'offer', peerId: 'peer_1', sdp: 'v=0 offer' })

    page.fromPage({ type: 'channel-open', peerId: 'peer_1', label: 'oai-events' })
    page.fromPage({ type: 'channel-open', peerId: 'peer_1', label: 'oai-events' })
    expect(got.transports).toHaveLength(1) // a repeated report opens no second session
    const [transport] = got.transports
    expect(transport!.isOpen).toBe(true)
    expect(transport!.send('{"type":"session.created"}')).toBe(true)
    expect(page.sent.at(-1)).toEqual({
      type: 'send',
      peerId: 'peer_1',
      text: '{"type":"session.created"}'
    })

    page.fromPage({ type: 'received', peerId: 'peer_1', text: '{"type":"response.create"}' })
    const frame = Int16Array.from({ length: 480 }, (_, i) => (i * 97) % 32767)
    page.fromPage({ type: 'caller-audio', peerId: 'peer_1', pcm: pcmToBase64(frame) })
    expect(got.messages).toEqual(['{"type":"response.create"}'])
    expect(got.audio[0]!.rate).toBe(48_000)
    expect([...got.audio[0]!.samples]).toEqual([...frame])

    page.fromPage({ type: 'channel-closed', peerId: 'peer_1' })
    expect(transport!.isOpen).toBe(false)
    expect(transport!.send('late')).toBe(false)

    peer.close('hangup')
    expect(got.closed).toEqual(['hangup'])
    expect(page.sent.at(-1)).toEqual({ type: 'close', peerId: 'peer_1' })
  })

  it('paces the agent to the page in 10 ms frames once connected, and stops on failure', async () => {
    vi.useFakeTimers()
    const page = fakePage()
    const host = new PagePeerHost(page.link)
    const agent = new Int16Array(480).fill(1000)
    const { h, got } = handlers(agent)
    const answered = host.answer('v=0 offer', h)
    await vi.advanceTimersByTimeAsync(0)
    await answered
    page.fromPage({ type: 'connection', peerId: 'peer_1', state: 'connected' })
    await vi.advanceTimersByTimeAsync(100)
    const frames = page.sent.filter((m) => m.type === 'agent-audio')
    expect(frames.length).toBeGreaterThanOrEqual(9)
    expect(frames.length).toBeLessThanOrEqual(11)
    const first = frames[0]
    expect(first?.type === 'agent-audio' && [...pcmFromBase64(first.pcm)]).toEqual([...agent])

    page.fromPage({ type: 'connection', peerId: 'peer_1', state: 'failed' })
    expect(got.closed).toEqual(['connection failed'])
    const count = page.sent.filter((m) => m.type === 'agent-audio').length
    await vi.advanceTimersByTimeAsync(100)
    expect(page.sent.filter((m) => m.type === 'agent-audio')).toHaveLength(count)
  })

  it('drops what fails validation and never acts on it', async () => {
    const page = fakePage()
    const host = new PagePeerHost(page.link)
    const { h, got } = handlers()
    await host.answer('v=0 offer', h)
    page.fromPage({ type: 'channel-open', peerId: 'peer_1', label: 'oai-events' })
    page.fromPage({ type: 'received', peerId: 'peer_1', text: 42 })
    page.fromPage({ type: 'caller-audio', peerId: 'peer_1', pcm: 'not base64!' })
    page.fromPage({ type: 'caller-audio', peerId: 'peer_1', pcm: 'A'.repeat(10_000) })
    page.fromPage({ type: 'eval', code: 'process.exit()' })
    page.fromPage('{"type":"received"}')
    expect(host.rejected).toBe(5)
    expect(got.messages).toEqual([])
    expect(got.audio).toEqual([])
    // Messages for a peer that does not exist change nothing.
    page.fromPage({ type: 'received', peerId: 'peer_9', text: 'hello' })
    expect(got.messages).toEqual([])
  })

  it('fails the call when the page cannot answer, or does not in time', async () => {
    const failing = fakePage((m) => ({ type: 'failed', peerId: m.peerId, message: 'bad SDP' }))
    const { h, got } = handlers()
    await expect(new PagePeerHost(failing.link).answer('x', h)).rejects.toThrow('bad SDP')
    expect(got.closed).toEqual(['negotiation failed'])

    vi.useFakeTimers()
    const silent = fakePage(() => null)
    const late = new PagePeerHost(silent.link, 500).answer('x', handlers().h)
    const outcome = expect(late).rejects.toThrow('did not answer in time')
    await vi.advanceTimersByTimeAsync(500)
    await outcome
  })

  it('ends every call when the page goes away', async () => {
    const page = fakePage()
    const host = new PagePeerHost(page.link)
    const a = handlers()
    const b = handlers()
    await host.answer('x', a.h)
    await host.answer('y', b.h)
    host.closeAll('peer page gone')
    expect([...a.got.closed, ...b.got.closed]).toEqual(['peer page gone', 'peer page gone'])
  })
})
