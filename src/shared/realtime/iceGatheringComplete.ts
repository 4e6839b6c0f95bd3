/** What both WebRTC stacks we answer with (wrtc in Node, Chromium's in the peer page) expose. */
export interface GatheringPeer {
  readonly iceGatheringState: string
  onicegatheringstatechange: ((this: never, event: never) => unknown) | null
}

const ICE_GATHERING_TIMEOUT_MS = 3000

/**
 * Resolves once every local ICE candidate is in the description (the API answers without
 * trickle), or after 3 s with whatever was gathered: loopback candidates come at once.
 */
export function iceGatheringComplete(pc: GatheringPeer): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve()
    const timer = setTimeout(resolve, ICE_GATHERING_TIMEOUT_MS)
    pc.onicegatheringstatechange = () => {
      if (pc.iceGatheringState !== 'complete') return
      clearTimeout(timer)
      resolve()
    }
  })
}

interface Description {
  type?: 'answer' | 'offer' | 'pranswer' | 'rollback'
  sdp?: string
}

/** The answering side of a WebRTC stack, as far as answering an offer needs it. */
export interface AnsweringPeer extends GatheringPeer {
  setRemoteDescription(description: { type: 'offer'; sdp: string }): Promise<void>
  createAnswer(): Promise<Description>
  setLocalDescription(description: Description): Promise<void>
  readonly localDescription: { readonly sdp: string } | null
}

/** Answers an offer the way the API does: one answer SDP carrying every ICE candidate. */
export async function answerWithFullIce(pc: AnsweringPeer, offerSdp: string): Promise<string> {
  await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp })
  await pc.setLocalDescription(await pc.createAnswer())
  await iceGatheringComplete(pc)
  const sdp = pc.localDescription?.sdp
  if (!sdp) throw new Error('No local description after negotiation')
  return sdp
}
