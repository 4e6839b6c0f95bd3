import wrtc from '@roamhq/wrtc'
import { afterEach } from 'vitest'
import { ToneVoice } from '../../../../src/main/realtime-sim/audio/toneVoice'
import { parseScenario } from '../../../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator, type Simulator } from '../../../../src/main/realtime-sim/startSimulator'
import { SCENARIO_YAML } from './virtualCall'

export const API_KEY = 'sk-unit-test-key'

/** A simulator per test on a free port, with a movable clock for secret expiry; closed after. */
export function useSimulator() {
  let sim: Simulator | undefined
  const peers: RTCPeerConnection[] = []
  const clock = { seconds: 1_800_000_000 }
  afterEach(async () => {
    peers.splice(0).forEach((pc) => pc.close())
    await sim?.close()
    sim = undefined
  })
  return {
    clock,
    async start(extraYaml = ''): Promise<Simulator> {
      sim = await startSimulator({
        port: 0,
        apiKey: API_KEY,
        scenario: parseScenario(SCENARIO_YAML + extraYaml, 'unit.yaml'),
        voice: new ToneVoice(),
        nowSeconds: () => clock.seconds
      })
      return sim
    },
    /** A real SDP offer (audio + data channel), as a browser would send it. */
    async offer(): Promise<string> {
      const pc = new wrtc.RTCPeerConnection()
      peers.push(pc)
      pc.addTransceiver('audio', { direction: 'sendrecv' })
      pc.createDataChannel('oai-events')
      const offer = await pc.createOffer()
      await pc.setLocalDescription(offer)
      return offer.sdp!
    }
  }
}

export async function post(
  url: string,
  headers: Record<string, string>,
  body: string | FormData
): Promise<{ status: number; json: () => unknown; text: string; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers, body })
  const text = await res.text()
  return { status: res.status, text, headers: res.headers, json: () => JSON.parse(text) }
}
