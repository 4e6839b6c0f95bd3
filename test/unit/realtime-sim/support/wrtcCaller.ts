import wrtc from '@roamhq/wrtc'
import { iceGatheringComplete } from '../../../../src/shared/realtime/iceGatheringComplete'
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
