import wrtc from '@roamhq/wrtc'
import { iceGatheringComplete } from '../../../../src/shared/realtime/iceGatheringComplete'
import { API_KEY, post } from './simServer'
import { EventInbox } from './realtimeSocket'

/**
 * A WebRTC caller in Node (wrtc), connected to the simulator with the standard key.
 * `beforeConnect` runs between the SDP answer and the caller applying it (a server's sideband).
 */
export async function callOverWebRtc(
  simUrl: string,
  key: string,
  beforeConnect: (callId: string) => Promise<void> = async () => {}
) {
  const pc = new wrtc.RTCPeerConnection()
  pc.addTransceiver('audio', { direction: 'sendrecv' })
  const channel = pc.createDataChannel('oai-events')
  const inbox = new EventInbox()
  channel.onmessage = (event: MessageEvent) => inbox.push(String(event.data))
  const opened = new Promise<void>((resolve) => (channel.onopen = () => resolve()))
  await pc.setLocalDescription(await pc.createOffer())
  await iceGatheringComplete(pc as never)
  const res = await fetch(`${simUrl}/v1/realtime/calls`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/sdp' },
    body: pc.localDescription!.sdp
  })
  if (res.status !== 201) throw new Error(`SDP exchange answered ${res.status}`)
  const callId = res.headers.get('location')!.split('/').pop()!
  const answer = await res.text()
  await beforeConnect(callId)
  await pc.setRemoteDescription({ type: 'answer', sdp: answer })
  await opened
  return {
    pc,
    callId,
    inbox,
    send: (event: object) => channel.send(JSON.stringify(event)),
    close: () => pc.close()
  }
}

export interface WrtcCaller {
  callId: string
  pc: RTCPeerConnection
  channel: RTCDataChannel
  /** Every data channel message received, parsed. */
  events: Record<string, unknown>[]
  send(event: Record<string, unknown>): void
  /** Resolves once an event of `type` has arrived (or rejects after `timeoutMs`). */
  waitFor(type: string, timeoutMs?: number): Promise<Record<string, unknown>>
}

/**
 * A real WebRTC caller (@roamhq/wrtc), as a browser places a call: audio transceiver and the
 * `oai-events` channel in the offer, the SDP POSTed with the standard key, the answer applied.
 * Resolves once the data channel is open. The caller closes `pc` itself.
 */
export async function placeWrtcCall(simUrl: string): Promise<WrtcCaller> {
  const pc = new wrtc.RTCPeerConnection()
  pc.addTransceiver('audio', { direction: 'sendrecv' })
  const channel = pc.createDataChannel('oai-events')
  const events: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  channel.onmessage = (message: MessageEvent) => {
    events.push(JSON.parse(String(message.data)) as Record<string, unknown>)
    waiters.splice(0).forEach((wake) => wake())
  }
  const opened = new Promise<void>((resolve) => (channel.onopen = () => resolve()))
  await pc.setLocalDescription(await pc.createOffer())
  const res = await post(
    `${simUrl}/v1/realtime/calls`,
    { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/sdp' },
    pc.localDescription!.sdp
  )
  if (res.status !== 201) throw new Error(`SDP POST: ${res.status} ${res.text}`)
  await pc.setRemoteDescription({ type: 'answer', sdp: res.text })
  await opened
  const callId = res.headers.get('location')!.split('/').pop()!
  return {
    callId,
    pc,
    channel,
    events,
    send: (event) => channel.send(JSON.stringify(event)),
    waitFor: (type, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} in ${timeoutMs} ms`)),
          timeoutMs
        )
        const check = (): void => {
          const found = events.find((e) => e['type'] === type)
          if (found) {
            clearTimeout(timer)
            resolve(found)
          } else waiters.push(check)
        }
        check()
      })
  }
}
