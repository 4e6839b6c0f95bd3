import { randomBytes, timingSafeEqual } from 'node:crypto'
import OpenAI from 'openai'
import type { CallChannel } from '../../shared/live-call/callChannel'
import { maskedCallerFromSipHeader } from '../../shared/gateway/callCommands'
import type { CallSlots } from '../../shared/gateway/callSlots'
import type { VoiceEngine } from '../../shared/live-call/voiceEngine'
import { OPENAI_ORIGIN } from '../../shared/settings/keyOrigin'
import type {
  CallEvent,
  CallInput,
  GatewayReattachedObservation
} from '../../shared/live-call/callEvents'
import type { SettledCallStatus } from '../../shared/live-call/recordedCall'
import { CallInputBatches } from './CallInputBatches'
import type { CallLeases, LeasableCall } from './CallLeases'
import type { GatewayEngine } from './engines/GatewayEngine'
import type { GatewayServices } from './openGatewayServices'
import { SidebandCall } from './SidebandCall'

/** A re-attach that did not get on the call is tried once more after this long. */
const REATTACH_RETRY_MS = 1_000

/** SIP's 486 Busy Here: what a caller hears when every slot of this instance is taken. */
export const BUSY_HERE = 486

/** Both voice APIs, driven alike (engines/): a call runs on the one its settings chose. */
export type GatewayEngines = Record<VoiceEngine, GatewayEngine>

export interface GatewayCallsOptions {
  engines: GatewayEngines
  realtimeBaseUrl: string
  apiKey: string
  slots: CallSlots
  services: GatewayServices
  /** Which instance carries which call (its sideband lease). */
  leases: CallLeases
  /** This instance's seat (a call taken over is recorded as held here). */
  instance: string
  log: (line: string) => void
}

/** What became of a ringing call. */
export type IncomingOutcome = 'accepted' | 'rejected' | 'gone'

/** A SIP header of the INVITE, as the webhook reports it. */
export interface SipHeader {
  name: string
  value: string
}

/** A web caller's offer answered: the SDP answer its page applies. */
export interface WebCallAnswer {
  callId: string
  sdp: string
  /** What the page shows to hang up: a secret of its own, not the call id. */
  hangupToken: string
}

/** A call this instance holds the sideband of: what a supervisor's command acts on. */
export interface HeldCall {
  callId: string
  /** Only a phone call can be transferred (`refer` is SIP's). */
  channel: CallChannel
  sideband: SidebandCall
  /** Transfers a phone call (`refer`) on its engine's API. */
  refer(targetUri: string): Promise<void>
  /** Ends the call: its engine's REST hang-up, or (a GPT-Live web call) on the sideband. */
  hangUp(): Promise<void>
  /** Work on the call (a command) that its recording waits for before it is finalized. */
  track<T>(work: Promise<T>): Promise<T>
}

interface RunningCall {
  channel: CallChannel
  engine: GatewayEngine
  /** A web call's: the page's proof that the hang-up is its own. */
  hangupToken: string | null
  sideband: SidebandCall
  done: Promise<void>
  sessionId: string | null
  work: Set<Promise<unknown>>
  /** Another instance carries it now: nothing more is recorded or finalized here. */
  leaseLost?: boolean
  /** This instance is stopping and lets the call go: stored, released, not finalized. */
  handingOver?: boolean
  startedAt: number
}

/** A call taken over: what was recorded before the gap, and who held it. */
interface Resumed {
  inputs: readonly CallInput[]
  fromSeat: string
  /** The recording's last input before the gap (its clock). */
  lastT: number
  cause: GatewayReattachedObservation['cause']
}

interface CarryPlan {
  callId: string
  channel: CallChannel
  engine: GatewayEngine
  /** A new call's first input (GPT-Live: the session the sideband joins). */
  first: CallEvent | null
  caller: string | null
  hangupToken: string | null
  startedAt: number
  sessionId: Promise<string>
  /** The recording's clock (a taken-over call continues its first holder's timeline). */
  clock: () => number
  resumed: Resumed | null
}

function reattached(
  resumed: Resumed,
  bySeat: string,
  now: number,
  outcome: GatewayReattachedObservation['outcome'],
  late: readonly string[]
): GatewayReattachedObservation {
  return {
    type: 'gateway.reattached',
    cause: resumed.cause,
    from_seat: resumed.fromSeat,
    by_seat: bySeat,
    gap_ms: Math.round(now - resumed.lastT),
    outcome,
    ...(late.length > 0 ? { answered_late: [...late] } : {})
  }
}

/**
 * The calls this instance carries: phone calls (accepted with the console's session: its
 * settings' instructions, voice, VAD and the agent's catalog tools) and web calls (created from
 * the customer page's SDP offer with the same session). Each is attached by sideband, recorded
 * under this instance's seat with its channel, and finalized at hang-up. A call that finds every
 * slot taken is rejected (a phone call hears Busy Here).
 */
export class GatewayCalls {
  private readonly running = new Map<string, RunningCall>()
  private poller: NodeJS.Timeout | null = null
  private stopping = false
  /** Stopping by handing its calls over: no orphan is taken over here any more. */
  private draining = false
  private takenOver: (sessionId: string) => void = () => undefined

  constructor(private readonly options: GatewayCallsOptions) {}

  /**
   * A verified ringing call (`realtime.call.incoming`, or GPT-Live's `live.transport.incoming`),
   * answered on that event's engine. Rejects when the API could not be asked (the webhook then
   * fails and the platform retries it); 'gone' when the call ended while it rang.
   */
  async incoming(
    callId: string,
    engineName: VoiceEngine,
    sipHeaders: readonly SipHeader[] = []
  ): Promise<IncomingOutcome> {
    const { slots, log } = this.options
    // The ringing event's API (checked against engineName by the webhook route): a change of the
    // team's engine meanwhile must not accept a Realtime call on GPT-Live.
    const engine = this.options.engines[engineName]
    if (!slots.take()) {
      log(`call ${callId}: every slot is taken (${slots.max}): rejected, ${BUSY_HERE} Busy Here`)
      return this.unlessGone(callId, () => engine.reject(callId, BUSY_HERE)).then(
        (outcome) => outcome ?? 'rejected'
      )
    }
    const settings = this.options.services.settings.get()
    let outcome: 'gone' | null
    try {
      outcome = await this.unlessGone(callId, () => engine.accept(callId, settings))
    } catch (error) {
      slots.release()
      throw error
    }
    if (outcome === 'gone') {
      slots.release()
      return 'gone'
    }
    log(`call ${callId}: accepted (${engine.name})`)
    await this.lease(callId)
    const from = sipHeaders.find((h) => h.name.toLowerCase() === 'from')?.value
    const caller = from ? maskedCallerFromSipHeader(from) : null
    this.attach(callId, engine, engine.model(settings), 'phone', caller)
    return 'accepted'
  }

  /**
   * A web caller's SDP offer (the customer page): the call is created with the desk's session
   * and this instance's key (the page holds none), its sideband attached before the page has the
   * answer, so the greeting and every event are the gateway's from the first. 'busy' when every
   * slot is taken; throws when the API refused (the page is told the call could not start).
   */
  async web(offerSdp: string): Promise<WebCallAnswer | 'busy' | 'setup_changed'> {
    const { slots, log } = this.options
    // Read once: the offer is checked against the engine the call is then created on.
    const engine = this.engine()
    // A page that read another setup (the engine changed since it loaded) asks again.
    if (/^m=application /m.test(offerSdp) !== engine.webDataChannel) return 'setup_changed'
    if (!slots.take()) {
      log(`web call: every slot is taken (${slots.max}): refused`)
      return 'busy'
    }
    try {
      const settings = this.options.services.settings.get()
      const { callId, sdp } = await engine.createWeb(offerSdp, settings)
      log(`call ${callId}: web call created (${engine.name})`)
      const hangupToken = randomBytes(18).toString('base64url')
      await this.lease(callId)
      this.attach(callId, engine, engine.model(settings), 'web', null, hangupToken)
      return { callId, sdp, hangupToken }
    } catch (error) {
      slots.release()
      throw error
    }
  }

  /** Ends the web call whose page hung up; false when no running call has that token. */
  async hangUpWeb(hangupToken: string): Promise<boolean> {
    for (const [callId, call] of this.running)
      if (call.hangupToken !== null && safeEqual(call.hangupToken, hangupToken)) {
        this.options.log(`call ${callId}: the web caller hung up`)
        await this.hangUp(callId, call)
        return true
      }
    return false
  }

  /** The running call of a session, when this instance holds its sideband. */
  held(sessionId: string): HeldCall | null {
    for (const [callId, call] of this.running)
      if (call.sessionId === sessionId && !call.handingOver && !call.leaseLost)
        return {
          callId,
          channel: call.channel,
          sideband: call.sideband,
          refer: (targetUri) => call.engine.refer(callId, targetUri),
          hangUp: () => this.hangUp(callId, call),
          track: (work) => {
            call.work.add(work)
            void work.catch(() => undefined).finally(() => call.work.delete(work))
            return work
          }
        }
    return null
  }

  /**
   * Every second, the gateway calls whose holder's lease is gone (its process died, or its
   * connection to the team database did) are taken over here.
   */
  startTakingOver(everyMs = 1_000): void {
    let polling = false
    let again = false
    const poll = (): void => {
      if (this.stopping || this.draining) return
      if (polling) {
        again = true
        return
      }
      polling = true
      this.options.leases
        .orphans()
        .then((orphans) => Promise.all(orphans.map((orphan) => this.adopt(orphan))))
        .catch((error: unknown) => this.options.log(`leases: not polled (${String(error)})`))
        .finally(() => {
          polling = false
          if (again) {
            again = false
            poll()
          }
        })
    }
    this.poller = setInterval(poll, everyMs)
    this.poller.unref()
    // A stopping instance let calls go: taken now (a poll under way looks again once done), so
    // the callers' gap is the attach, not the poll's second.
    this.options.leases.whenReleased(poll)
  }

  /** Another instance took this call's lease (while this one's connection was away). */
  leaseLost(callId: string): void {
    const call = this.running.get(callId)
    if (!call) return
    // The other instance records it from now on: this one only stops listening.
    call.leaseLost = true
    call.sideband.close()
  }

  /** Told each call taken over here from another holder, once its sideband is attached. */
  whenTakenOver(listener: (sessionId: string) => void): void {
    this.takenOver = listener
  }

  /** A rolling restart began here: orphaned calls are left to the other instances. */
  drain(): void {
    this.draining = true
  }

  /** The calls this instance carries, as another instance would take them over. */
  carried(): LeasableCall[] {
    const carried: LeasableCall[] = []
    for (const [callId, call] of this.running)
      if (call.sessionId && !call.handingOver && !call.leaseLost)
        carried.push({
          sessionId: call.sessionId,
          callId,
          seat: this.options.instance,
          startedAtMs: call.startedAt
        })
    return carried
  }

  /**
   * Lets a call go without finalizing it (a stop): a command under way is finished first, the
   * sideband detached, what was received stored, then its lease released, so the instance that
   * takes it over reads the whole record. Resolves once released.
   */
  async handOver(callId: string): Promise<void> {
    const call = this.running.get(callId)
    if (!call || call.handingOver) return
    call.handingOver = true
    await Promise.allSettled([...call.work])
    call.sideband.close()
    await call.done
  }

  /** A call handed over that no instance took: carried here again, the gap recorded. */
  async takeBack(call: LeasableCall): Promise<void> {
    if (this.running.has(call.callId) || !(await this.options.leases.take(call.callId))) return
    await this.adopt(call)
  }

  /** Stops carrying the calls: each sideband detaches and its recording is finalized. */
  async close(): Promise<void> {
    this.stopping = true
    if (this.poller) clearInterval(this.poller)
    const running = [...this.running.values()]
    for (const call of running) call.sideband.close()
    await Promise.all(running.map((call) => call.done))
  }

  /**
   * The engine new calls run on: the team's choice (Settings, team mode) when a supervisor made
   * one, else the provider's in this instance's settings.json. A running call keeps its own.
   */
  get engineName(): VoiceEngine {
    return this.options.services.engine.current()
  }

  /** Whether the customer page's offer carries a data channel on that engine. */
  get webDataChannel(): boolean {
    return this.engine().webDataChannel
  }

  private engine(): GatewayEngine {
    return this.options.engines[this.engineName]
  }

  /** Ends a running call on its engine; a call that is already gone is let be. */
  private async hangUp(callId: string, call: RunningCall): Promise<void> {
    const rest = call.engine.hangup(callId, call.channel)
    if (rest) await this.unlessGone(callId, () => rest)
    else if (!call.sideband.hangUp()) this.options.log(`call ${callId}: already over`)
  }

  /** Taken before the call's row exists, so no other instance can think it orphaned. */
  private async lease(callId: string): Promise<void> {
    if (!(await this.options.leases.take(callId)))
      this.options.log(`call ${callId}: its lease is held elsewhere (carried here all the same)`)
  }

  /** A new call's sideband, and its recording from the first event to the hang-up. */
  private attach(
    callId: string,
    engine: GatewayEngine,
    model: string,
    channel: CallChannel,
    caller: string | null,
    hangupToken: string | null = null
  ): void {
    const { services, log } = this.options
    const startedAt = Date.now()
    const sessionId = services.recorder.begin({
      // As a desk names its provider: OpenAI's own API, or another (a simulator, a proxy).
      provider:
        new URL(this.options.realtimeBaseUrl).origin === OPENAI_ORIGIN ? 'openai' : 'custom',
      model,
      startedAt,
      callId,
      channel,
      engine: engine.name
    })
    sessionId.catch((error: unknown) => log(`call ${callId}: not recorded (${String(error)})`))
    this.carry({
      callId,
      channel,
      engine,
      first: engine.joined(callId, model),
      caller,
      hangupToken,
      startedAt,
      sessionId,
      clock: () => performance.now(),
      resumed: null
    })
  }

  /**
   * Takes over a call whose holder's lease was lost (CallLeases.orphans: leased here now): its
   * row names this instance, its sideband is attached again by call_id, and its recording goes on
   * in the same session on the same timeline, the gap recorded. A call the API no longer has is
   * finalized as incomplete with what was recorded.
   */
  private async adopt(orphan: LeasableCall): Promise<void> {
    const { services, leases, slots, log } = this.options
    // Full: left for an instance with room (not counted as a caller refused).
    const full = slots.inProgress >= slots.max
    if (this.running.has(orphan.callId) || full || !slots.take()) {
      await leases.release(orphan.callId)
      return
    }
    try {
      if (!(await leases.moveTo(orphan.sessionId))) {
        slots.release()
        await leases.release(orphan.callId)
        return
      }
      const inputs = await services.recorder.recordedInputs(orphan.sessionId)
      // The rules go on where they were: an alert raised before the gap is not raised again.
      services.liveCalls.resume(orphan.sessionId, inputs)
      const call = await services.database.calls.get(orphan.sessionId)
      log(`call ${orphan.callId}: taking over from ${orphan.seat ?? 'an unknown instance'}`)
      const first = inputs[0]?.t ?? 0
      const last = inputs.at(-1)?.t ?? first
      const handedOver = inputs.at(-1)?.event.type === 'gateway.handed_over'
      // The recording's timeline: its first input was at the call's start (wall clock).
      const shift = Math.max(last, first + Date.now() - orphan.startedAtMs) - performance.now()
      this.carry({
        callId: orphan.callId,
        channel: call?.channel === 'web' ? 'web' : 'phone',
        // The engine it was accepted on, whatever this instance's settings say now.
        engine: this.options.engines[call?.engine ?? 'realtime'],
        first: null,
        caller: null,
        hangupToken: null,
        startedAt: orphan.startedAtMs,
        sessionId: Promise.resolve(orphan.sessionId),
        clock: () => performance.now() + shift,
        resumed: {
          inputs,
          fromSeat: orphan.seat ?? 'unknown',
          lastT: last,
          cause: handedOver ? 'handed_over' : 'holder_lost'
        }
      })
    } catch (error) {
      slots.release()
      await leases.release(orphan.callId)
      log(`call ${orphan.callId}: not taken over (${String(error)})`)
    }
  }

  /**
   * Carries a call until it is over: its sideband (attached once more, by itself, when it drops
   * while the call runs), its recording, the live view, and the hang-up.
   */
  private carry(plan: CarryPlan): void {
    const { services, log, instance } = this.options
    const { callId, sessionId, clock } = plan
    const work = new Set<Promise<unknown>>()
    sessionId.then(
      (id) => {
        running.sessionId = id
        services.teamLive.live.callBegan(id, plan.startedAt, {
          channel: plan.channel,
          caller: plan.caller,
          engine: plan.engine.name
        })
        // The wallboard row goes on from what was recorded (turns, latency), at this seat.
        if (plan.resumed) services.teamLive.live.callInputs(id, plan.resumed.inputs)
      },
      () => undefined
    )
    const batches = new CallInputBatches(
      sessionId,
      async (id, inputs) => {
        const stored = await services.liveCalls.ingest(id, inputs)
        // Consoles following the call (its live view) read the batch now it is stored.
        services.teamLive.live.callRecorded(id, stored)
      },
      log,
      (id, inputs) => services.teamLive.live.callInputs(id, inputs)
    )
    let lastT = plan.resumed?.lastT ?? clock()
    const record = (input: CallInput): void => {
      lastT = input.t
      batches.add(input)
    }
    const open = (resumed: Resumed | null): SidebandCall =>
      new SidebandCall({
        url: plan.engine.sidebandUrl(callId),
        protocol: plan.engine.protocol(),
        apiKey: this.options.apiKey,
        clock,
        resumed: resumed?.inputs,
        first: resumed ? null : plan.first,
        onInput: record,
        onOpen: (late) => {
          if (!resumed) return
          record({ t: clock(), event: reattached(resumed, instance, clock(), 'attached', late) })
          log(`call ${callId}: sideband attached again (${resumed.cause})`)
          // Commands addressed to the previous holder and never carried out are carried out here.
          if (resumed.cause !== 'sideband_dropped')
            void sessionId.then((id) => this.takenOver(id)).catch(() => undefined)
        },
        runTool: (name, args) => services.catalog.runTool(name, args),
        log
      })
    const running: RunningCall = {
      channel: plan.channel,
      engine: plan.engine,
      hangupToken: plan.hangupToken,
      sideband: open(plan.resumed),
      done: Promise.resolve(),
      sessionId: null,
      work,
      startedAt: plan.startedAt
    }
    running.done = (async () => {
      let resumed = plan.resumed
      let closed = await running.sideband.closed
      let drops = 0
      let refusals = 0
      for (;;) {
        if (this.stopping || running.leaseLost || running.handingOver) break
        // Dropped while the call ran (not its end): attached again, once.
        if (closed.opened && closed.code !== 1000 && drops++ === 0) {
          log(`call ${callId}: sideband dropped (${closed.code}): attaching again`)
          resumed = { inputs: [], fromSeat: instance, lastT, cause: 'sideband_dropped' }
        } else if (!closed.opened && resumed && refusals++ === 0) {
          // A re-attach refused or unreachable: tried once more before the call counts as gone.
          await new Promise((resolve) => setTimeout(resolve, REATTACH_RETRY_MS))
        } else break
        running.sideband = open(resumed)
        closed = await running.sideband.closed
      }
      const { code, reason } = closed
      log(`call ${callId}: sideband closed (${code}${reason ? ` ${reason}` : ''})`)
      if (running.leaseLost) {
        await batches.close(true)
        void sessionId.then(
          (id) => {
            services.teamLive.live.callLeft(id)
            services.liveCalls.end(id)
          },
          () => undefined
        )
        return
      }
      if (running.handingOver) return await this.letGo(callId, sessionId, batches, record, clock)
      const gone = resumed !== null && !closed.opened
      if (gone && resumed) {
        log(`call ${callId}: the API no longer has the call: finalized with what was recorded`)
        record({ t: clock(), event: reattached(resumed, instance, clock(), 'call_gone', []) })
      }
      record({ t: clock(), event: { type: 'call.ended' } })
      // A command under way (a transfer's answer) is recorded before the call is finalized.
      await Promise.allSettled([...work])
      const lost = await batches.close()
      if (lost > 0) log(`call ${callId}: ${lost} input(s) could not be recorded`)
      await this.finish(callId, sessionId, gone ? 'incomplete' : 'finished')
    })().finally(async () => {
      this.running.delete(callId)
      this.options.slots.release()
      // Awaited: a call handed over is free for another instance once this resolves.
      await this.options.leases.release(callId, running.handingOver === true)
    })
    this.running.set(callId, running)
  }

  /** A call handed over: the record of it complete in the database before its lease goes. */
  private async letGo(
    callId: string,
    sessionId: Promise<string>,
    batches: CallInputBatches,
    record: (input: CallInput) => void,
    clock: () => number
  ): Promise<void> {
    const { services, instance, log } = this.options
    record({ t: clock(), event: { type: 'gateway.handed_over', from_seat: instance } })
    const lost = await batches.close()
    if (lost > 0) log(`call ${callId}: ${lost} input(s) could not be recorded`)
    const id = await sessionId.catch(() => null)
    if (id) {
      services.teamLive.live.callLeft(id)
      services.liveCalls.end(id)
    }
    log(`call ${callId}: handed over (lease released, not finalized)`)
  }

  /** Hang-up: the session is written from the recorded events, as a desk's call is. */
  private async finish(
    callId: string,
    sessionId: Promise<string>,
    status: SettledCallStatus
  ): Promise<void> {
    const { services, log } = this.options
    let id: string
    try {
      id = await sessionId
    } catch {
      return
    }
    services.teamLive.live.callEnded(id)
    try {
      const session = await services.recorder.finish(id, Date.now(), status)
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

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
