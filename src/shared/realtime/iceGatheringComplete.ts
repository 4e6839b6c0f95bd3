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
