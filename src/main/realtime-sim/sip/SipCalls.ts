import type { AgentVoice } from '../audio/agentVoice'
import type { CallHub } from '../CallHub'
import type { GroundTruthLog } from '../groundTruth/GroundTruthLog'
import type { Scenario } from '../scenario/scenarioSchema'
import { newWebhookEventId, type WebhookSender } from '../webhooks/WebhookSender'
import { type PhoneCallEnd, type PhoneCallRequest, SipCall } from './SipCall'

/** What placing a phone call answers (`POST /sim/sip/calls`'s body, plus `ended` in process). */
export interface PlacedPhoneCall {
  callId: string
  sipCallId: string
  webhookId: string
  callerAudioMs: number
  /** The webhook was answered 2xx (true) or given up (false). */
  webhookDelivered: Promise<boolean>
  ended: Promise<PhoneCallEnd>
}

/** `POST /sim/sip/calls` with no webhook URL configured: nobody would hear the phone ring. */
export class NoWebhookConfigured extends Error {}

/**
 * The phone calls in progress: placed, announced by a `realtime.call.incoming` webhook (or
 * GPT-Live's `live.transport.incoming`).
 */
export class SipCalls {
  private readonly calls = new Map<string, SipCall>()

  constructor(
    private readonly deps: {
      hub: CallHub
      scenario: Scenario
      voice: AgentVoice
      log: GroundTruthLog
      webhooks: WebhookSender | null
    }
  ) {}

  /** Stops the webhooks' retries (the simulator is closing; CallHub ends the calls). */
  close(): void {
    this.deps.webhooks?.close()
  }

  get(callId: string): SipCall | undefined {
    return this.calls.get(callId)
  }

  /** A phone rings: throws NoWebhookConfigured, or parseWav's error on a bad WAV. */
  place(request: PhoneCallRequest): PlacedPhoneCall {
    const { webhooks } = this.deps
    if (!webhooks)
      throw new NoWebhookConfigured(
        'No webhook URL is configured: start the simulator with webhookUrl (--webhook-url).'
      )
    let unregister: (reason: string) => void = () => undefined
    const call = new SipCall(request, {
      scenario: this.deps.scenario,
      voice: this.deps.voice,
      log: this.deps.log,
      onEnded: (_call, reason) => {
        this.calls.delete(call.callId)
        unregister(reason)
      }
    })
    this.calls.set(call.callId, call)
    unregister = this.deps.hub.registerPhoneCall(call.callId, call)
    // GPT-Live's webhook (docs/gpt-live.md, SIP): `data.type: 'sip'` and `data.session_id`.
    const event = {
      object: 'event' as const,
      id: newWebhookEventId(),
      created_at: Math.floor(Date.now() / 1000),
      ...(request.api === 'live'
        ? {
            type: 'live.transport.incoming',
            data: { type: 'sip', session_id: call.callId, sip_headers: call.sipHeaders }
          }
        : {
            type: 'realtime.call.incoming',
            data: { call_id: call.callId, sip_headers: call.sipHeaders }
          })
    }
    // Retrying only matters while the phone still rings.
    const { webhookId, done } = webhooks.deliver(call.callId, event, () => call.state === 'ringing')
    return {
      callId: call.callId,
      sipCallId: call.sipCallId,
      webhookId,
      callerAudioMs: call.callerSpeechMs,
      webhookDelivered: done,
      ended: call.ended
    }
  }
}
