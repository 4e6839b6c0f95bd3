import type { AgentVoice } from '../audio/agentVoice'
import { CallSession } from '../call/CallSession'
import { realTimers } from '../call/Timers'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { Scenario } from '../scenario/scenarioSchema'
import type { EffectiveSession } from '../session/effectiveSession'
import type { PhoneMedia } from './PhoneLine'

/** A Realtime session on a phone line: no data channel, so events reach only sidebands. */
export function realtimePhoneMedia(options: {
  callId: string
  session: EffectiveSession
  scenario: Scenario
  voice: AgentVoice
  log: GroundTruthLog
}): PhoneMedia & { session: CallSession } {
  const transport = {
    isOpen: true,
    send: () => true,
    // drop_data_channel faults have no channel to drop on a phone line.
    close: () => undefined
  }
  const session = new CallSession({ ...options, timers: realTimers, transport, kind: 'sip' })
  session.open()
  return {
    session,
    receiveAudio: (samples, rate) => session.receiveAudio(samples, rate),
    pullFrame: () => session.pullFrame(),
    hangUp: () => {
      transport.isOpen = false
      session.close()
    }
  }
}
