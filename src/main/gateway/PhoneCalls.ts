import OpenAI from 'openai'
import type { CallAcceptParams } from 'openai/resources/realtime/calls'
import { maskedCallerFromSipHeader } from '../../shared/gateway/callCommands'
import type { CallSlots } from '../../shared/gateway/callSlots'
import type { RealtimeSessionConfig } from '../../shared/realtime/sessionConfig'
import { sidebandUrl } from '../../shared/realtime/sidebandUrl'
import { OPENAI_ORIGIN } from '../../shared/settings/keyOrigin'
import { buildSessionConfig } from '../realtime/buildSessionConfig'
import { CallInputBatches } from './CallInputBatches'
import type { GatewayServices } from './openGatewayServices'
import { SidebandCall } from './SidebandCall'

/** SIP's 486 Busy Here: what a caller hears when every slot of this instance is taken. */
export const BUSY_HERE = 486

export interface PhoneCallsOptions {
  client: OpenAI
  realtimeBaseUrl: string
  apiKey: string
  slots: CallSlots
  services: GatewayServices
  log: (line: string) => void
}

/** What became of a ringing call. */
export type IncomingOutcome = 'accepted' | 'rejected' | 'gone'

/** A SIP header of the INVITE, as the webhook reports it. */
export interface SipHeader {
  name: string
  value: string
}

/** A call this instance holds the sideband of: what a supervisor's command acts on. */
export interface HeldCall {
  callId: string
  sideband: SidebandCall
  /** Work on the call (a command) that its recording waits for before it is finalized. */
  track<T>(work: Promise<T>): Promise<T>
}

interface RunningCall {
  sideband: SidebandCall
  done: Promise<void>
  sessionId: string | null
  work: Set<Promise<unknown>>
}

/**
 * The phone calls this instance carries: each accepted with the console's session (its
 * settings' instructions, voice, VAD and the agent's catalog tools), attached by sideband,
 * recorded as a phone call under this instance's seat, and finalized at hang-up. A call that
 * finds every slot taken is rejected (Busy Here).
 */
export class PhoneCalls {
  private readonly running = new Map<string, RunningCall>()

  constructor(private readonly options: PhoneCallsOptions) {}

  /**
   * A verified `realtime.call.incoming`. Rejects when the API could not be asked (the webhook
   * then fails and the platform retries it); 'gone' when the call ended while it rang.
   */
  async incoming(callId: string, sipHeaders: readonly SipHeader[] = []): Promise<IncomingOutcome> {
    const { client, slots, log } = this.options
    if (!slots.take()) {
      log(`call ${callId}: every slot is taken (${slots.max}): rejected, ${BUSY_HERE} Busy Here`)
      return this.unlessGone(callId, () =>
        client.realtime.calls.reject(callId, { status_code: BUSY_HERE })
      ).then((outcome) => outcome ?? 'rejected')
    }
    const session = this.sessionConfig()
    let outcome: 'gone' | null
    try {
      outcome = await this.unlessGone(callId, () => client.realtime.calls.accept(callId, session))
    } catch (error) {
      slots.release()
      throw error
    }
    if (outcome === 'gone') {
      slots.release()
      return 'gone'
    }
    log(`call ${callId}: accepted`)
    const from = sipHeaders.find((h) => h.name.toLowerCase() === 'from')?.value
    this.attach(callId, session.model, from ? maskedCallerFromSipHeader(from) : null)
    return 'accepted'
  }

  /** The running call of a session, when this instance holds its sideband. */
  held(sessionId: string): HeldCall | null {
    for (const [callId, call] of this.running)
      if (call.sessionId === sessionId)
        return {
          callId,
          sideband: call.sideband,
          track: (work) => {
            call.work.add(work)
            void work.catch(() => undefined).finally(() => call.work.delete(work))
            return work
          }
        }
    return null
  }

  /** Stops carrying the calls: each sideband detaches and its recording is finalized. */
  async close(): Promise<void> {
    const running = [...this.running.values()]
    for (const call of running) call.sideband.close()
    await Promise.all(running.map((call) => call.done))
  }

  /**
   * The desk's session, from this instance's settings. Cast for the SDK: it types
   * `noise_reduction` as an object or absent, where the API also takes null (off), as sent to
   * `client_secrets` by a desk.
   */
  private sessionConfig(): CallAcceptParams & { model: string } {
    const settings = this.options.services.settings.get()
    const session: RealtimeSessionConfig = buildSessionConfig(settings, settings.model)
    return { ...(session as CallAcceptParams), model: settings.model }
  }

  /** The call's sideband, and its recording from the first event to the hang-up. */
  private attach(callId: string, model: string, caller: string | null): void {
    const { services, log } = this.options
    const startedAt = Date.now()
    const sessionId = services.recorder.begin({
      // As a desk names its provider: OpenAI's own API, or another (a simulator, a proxy).
      provider:
        new URL(this.options.realtimeBaseUrl).origin === OPENAI_ORIGIN ? 'openai' : 'custom',
      model,
      startedAt,
      callId,
      channel: 'phone'
    })
    const work = new Set<Promise<unknown>>()
    sessionId.then(
      (id) => {
        running.sessionId = id
        services.teamLive.live.callBegan(id, startedAt, { channel: 'phone', caller })
      },
      (error: unknown) => log(`call ${callId}: not recorded (${String(error)})`)
    )
    const batches = new CallInputBatches(
      sessionId,
      async (id, inputs) => {
        await services.liveCalls.ingest(id, inputs)
        services.teamLive.live.callInputs(id, inputs)
      },
      log
    )
    const sideband = new SidebandCall({
      url: sidebandUrl(this.options.realtimeBaseUrl, callId),
      apiKey: this.options.apiKey,
      onInput: (input) => batches.add(input),
      runTool: (name, args) => services.catalog.runTool(name, args),
      log
    })
    const done = sideband.closed
      .then(async ({ code, reason }) => {
        log(`call ${callId}: sideband closed (${code}${reason ? ` ${reason}` : ''})`)
        // A command under way (a transfer's answer) is recorded before the call is finalized.
        await Promise.allSettled([...work])
        const lost = await batches.close()
        if (lost > 0) log(`call ${callId}: ${lost} input(s) could not be recorded`)
        await this.finish(callId, sessionId)
      })
      .finally(() => {
        this.running.delete(callId)
        this.options.slots.release()
      })
    const running: RunningCall = { sideband, done, sessionId: null, work }
    this.running.set(callId, running)
  }

  /** Hang-up: the session is written from the recorded events, as a desk's call is. */
  private async finish(callId: string, sessionId: Promise<string>): Promise<void> {
    const { services, log } = this.options
    let id: string
    try {
      id = await sessionId
    } catch {
      return
    }
    services.teamLive.live.callEnded(id)
    try {
      const session = await services.recorder.finish(id, Date.now())
      log(`call ${callId}: recorded as session ${session.session_id}`)
      services.teamLive.live.sessionsChanged('recorded', 1)
    } catch (error) {
      log(`call ${callId}: session ${id} kept as failed (${String(error)})`)
    } finally {
      services.liveCalls.end(id)
    }
  }

  /** Runs a call-control request; null once done, 'gone' when the API no longer knows the call. */
  private async unlessGone(
    callId: string,
    request: () => Promise<unknown>
  ): Promise<'gone' | null> {
    try {
      await request()
      return null
    } catch (error) {
      if (!(error instanceof OpenAI.NotFoundError)) throw error
      this.options.log(`call ${callId}: no longer ringing (the caller hung up)`)
      return 'gone'
    }
  }
}
