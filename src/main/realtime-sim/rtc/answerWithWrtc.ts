import type { AnswerCall } from './callPeer'

/**
 * The default peer, @roamhq/wrtc in this process (plain Node: the CLI, the harness, tests).
 * Loaded on first use, so a runtime that answers elsewhere (Electron) never loads libwebrtc.
 */
export const answerWithWrtc: AnswerCall = async (offerSdp, handlers) => {
  const { SimPeer } = await import('./SimPeer')
  return SimPeer.answer(offerSdp, handlers)
}
