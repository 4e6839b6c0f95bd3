import wrtc from '@roamhq/wrtc'
import type OpenAI from 'openai'
import type { MediaSessionConfig, ServerEvent } from 'openai/resources/live/live'
import { FRAME_SAMPLES, SAMPLE_RATE } from '../../../../src/main/realtime-sim/audio/agentVoice'
import { FramePacer } from '../../../../src/main/realtime-sim/rtc/FramePacer'
import { iceGatheringComplete } from '../../../../src/shared/realtime/iceGatheringComplete'
import { toneFrame } from '../support/virtualCall'

/**
 * A browser-like GPT-Live caller in Node: wrtc peer with a microphone (a paced tone source the
 * test turns on and off) and one data channel; the session is created with the SDK's
 * `client.live.create` and the answer applied, as the console's main + page do.
 */
export async function liveWrtcCall(client: OpenAI, session: MediaSessionConfig) {
  const pc = new wrtc.RTCPeerConnection()
  const source = new wrtc.nonstandard.RTCAudioSource()
  pc.addTrack(source.createTrack())
  const channel = pc.createDataChannel('oai-events')
  const events: ServerEvent[] = []
  const waiters: (() => void)[] = []
  channel.onmessage = (message: MessageEvent) => {
    events.push(JSON.parse(String(message.data)) as ServerEvent)
    waiters.splice(0).forEach((wake) => wake())
  }
  /** Loud agent frames heard on the remote track (the page's `remote_audio.audible`). */
  const heard = { loudFrames: 0 }
  pc.ontrack = (event: RTCTrackEvent) => {
    const sink = new wrtc.nonstandard.RTCAudioSink(event.track)
    sink.ondata = (data: { samples: Int16Array }) => {
      if (data.samples.some((s) => Math.abs(s) > 1000)) heard.loudFrames++
    }
    pc.addEventListener('connectionstatechange', () => {
      if (pc.connectionState === 'closed') sink.stop()
    })
  }
  const opened = new Promise<void>((resolve) => (channel.onopen = () => resolve()))
  await pc.setLocalDescription(await pc.createOffer())
  await iceGatheringComplete(pc as never)
  const created = await client.live.create({
    session,
    transport: { type: 'webrtc', sdp: pc.localDescription!.sdp }
  })
  await pc.setRemoteDescription({ type: 'answer', sdp: created.transport.sdp })
  await opened
  let talking = false
  let frame = 0
  const pacer = new FramePacer(
    () => toneFrame(talking ? 8000 : 0, frame++),
    (samples) =>
      source.onData({
        samples,
        sampleRate: SAMPLE_RATE,
        bitsPerSample: 16,
        channelCount: 1,
        numberOfFrames: FRAME_SAMPLES
      })
  )
  const waitFor = <T extends ServerEvent['type']>(
    type: T,
    after = 0,
    timeoutMs = 8000
  ): Promise<Extract<ServerEvent, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} in ${timeoutMs} ms`)), timeoutMs)
      const check = (): void => {
        const found = events.slice(after).find((e) => e.type === type)
        if (found) {
          clearTimeout(timer)
          resolve(found as Extract<ServerEvent, { type: T }>)
        } else waiters.push(check)
      }
      check()
    })
  return {
    created,
    events,
    heard,
    send: (event: object) => channel.send(JSON.stringify(event)),
    waitFor,
    /** The caller talks for `ms` (a loud tone), then falls silent. */
    async say(ms: number): Promise<void> {
      talking = true
      await new Promise((resolve) => setTimeout(resolve, ms))
      talking = false
    },
    close(): void {
      pacer.stop()
      pc.close()
    }
  }
}
