/** Connection quality from getStats: what the live screen shows in its status strip. */
export interface ConnectionQuality {
  rttMs: number | null
  jitterMs: number | null
  /** Share of inbound audio packets lost, 0–100. */
  lossPct: number | null
}

export const UNKNOWN_QUALITY: ConnectionQuality = { rttMs: null, jitterMs: null, lossPct: null }

interface StatLike {
  type: string
  kind?: string
  state?: string
  nominated?: boolean
  currentRoundTripTime?: number
  jitter?: number
  packetsLost?: number
  packetsReceived?: number
}

/** RTT of the selected candidate pair; jitter and loss of the inbound audio. */
export async function readQuality(pc: RTCPeerConnection): Promise<ConnectionQuality> {
  const quality: ConnectionQuality = { ...UNKNOWN_QUALITY }
  const report = await pc.getStats()
  report.forEach((raw: unknown) => {
    const s = raw as StatLike
    if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated)
      if (typeof s.currentRoundTripTime === 'number') quality.rttMs = s.currentRoundTripTime * 1000
    if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      if (typeof s.jitter === 'number') quality.jitterMs = s.jitter * 1000
      const lost = s.packetsLost ?? 0
      const received = s.packetsReceived ?? 0
      if (lost + received > 0) quality.lossPct = (100 * Math.max(0, lost)) / (lost + received)
    }
  })
  return quality
}
