import type { LanguageDetector } from '../../shared/classify/detectCallLanguage'
import type { AlertActionKind, StoredAlert } from '../../shared/escalation/alertRecords'
import type { CallInput } from '../../shared/live-call/callEvents'
import { callReducer } from '../../shared/live-call/callReducer'
import { initialCallState, type CallState } from '../../shared/live-call/callState'
import type { BoardSnapshot, TeamChannelState } from '../../shared/team/boardSnapshot'
import { callProgressOf } from '../../shared/team/callProgress'
import type { CallChannel } from '../../shared/live-call/callChannel'
import type { VoiceEngine } from '../../shared/live-call/voiceEngine'
import type { GatewayEngineChoice } from '../../shared/gateway/teamGatewayEngine'
import {
  TEAM_TEXT_MAX_CHARS,
  type CallCommandDoneEvent,
  type CallCommandEvent,
  type ProgressAlert,
  type SessionsChangedEvent,
  type TeamEvent
} from '../../shared/team/teamEvents'
import { onceMoreIfConnectionLost } from '../database/postgres/isConnectionLost'
import { CallProgressHeartbeat } from './CallProgressHeartbeat'
import { LiveCallsBoard, type TeamEventFeed } from './LiveCallsBoard'
import { MissedAlerts } from './MissedAlerts'

/** The wait before reading an alert again after a lost connection. */
const READ_RETRY_MS = 200

/** An alert another desk raised, as this desk announces it. */
export type TeamAlert = StoredAlert & { seat: string }

/** Another desk acted on an alert (or the channel came back and every alert may have moved). */
export interface AlertChange {
  alert: StoredAlert | null
  action: AlertActionKind | null
  bySeat: string | null
}

export interface TeamLiveDeps {
  channel: TeamEventFeed & { publish(event: TeamEvent): Promise<void> }
  /** This desk's seat (read at each use: Settings may change it). */
  seat: () => string
  /** Reads a stored alert by id (the team database has another desk's alerts too). */
  readAlert: (alertId: number) => Promise<StoredAlert | null>
  /** The team's newest alerts, newest first: what was stored while this desk's channel was away. */
  recentAlerts: (limit: number) => Promise<StoredAlert[]>
  /** Loaded once, in the background; until then progress reports no language. */
  detector: () => Promise<LanguageDetector>
  onAlertRaised: (alert: TeamAlert) => void
  onAlertChanged: (change: AlertChange) => void
  onBoard: (snapshot: BoardSnapshot) => void
  /** Another desk changed the team's sessions (imported, or a call recorded). */
  onSessionsChanged: (change: Pick<SessionsChangedEvent, 'reason' | 'count'>) => void
  /** Another desk saved the team's escalation rules. */
  onRulesChanged: () => void
  /** A gateway carried out (or could not carry out) a supervisor's command to one of its calls. */
  onCommandDone?: (event: CallCommandDoneEvent) => void
  now?: () => number
  heartbeatMs?: number
  log?: (line: string) => void
}

/** How a call came in, and who calls (masked), as the wallboard shows them. */
export interface CallOrigin {
  channel: CallChannel
  caller: string | null
  /** A gateway's call on GPT-Live says so (its agent cannot be stopped mid-sentence). */
  engine?: VoiceEngine
}

interface RunningCall {
  state: CallState
  origin: CallOrigin
  startedAt: string
  latestAlert: ProgressAlert | null
  reported: string
}

const cut = (text: string): string =>
  text.length <= TEAM_TEXT_MAX_CHARS ? text : `${text.slice(0, TEAM_TEXT_MAX_CHARS - 1)}…`

/** The figures whose change is reported at once (the alert has its own path: noteAlert). */
const progressKey = (p: ReturnType<typeof callProgressOf>): string =>
  `${p.turns}/${p.interruptions}/${p.p50Ms}/${p.language}`

const progressAlert = (alert: StoredAlert): ProgressAlert => ({
  alertId: alert.alertId,
  rule: alert.rule,
  severity: alert.severity,
  raisedAt: alert.raisedAt,
  status: alert.status
})

/**
 * A desk's part in team mode's live side. Out: this desk's running calls (a heartbeat of their
 * figures), the alerts its rules raise and the actions taken here. In: other desks' alerts and
 * actions, read back from the team database by id (the wire carries ids, not evidence), and the
 * Live calls wallboard. Nothing here can fail a call: publishing errors are logged.
 */
export class TeamLive {
  readonly board: LiveCallsBoard
  private readonly heartbeat: CallProgressHeartbeat
  private readonly missed: MissedAlerts
  private readonly calls = new Map<string, RunningCall>()
  private readonly unsubscribe: (() => void)[]
  private detect: LanguageDetector | null = null
  private lastState: TeamChannelState
  /** The alert or action being published; the next one is published after it. */
  private inFlight: Promise<void> | null = null
  /** The last received event's handling: the next one is told after it. */
  private told: Promise<void> = Promise.resolve()
  private readonly now: () => number
  private readonly log: (line: string) => void

  constructor(private readonly deps: TeamLiveDeps) {
    this.now = deps.now ?? Date.now
    this.log = deps.log ?? console.warn
    this.board = new LiveCallsBoard(deps.channel, this.now)
    this.heartbeat = new CallProgressHeartbeat(
      (event) => deps.channel.publish(event),
      deps.heartbeatMs,
      this.log
    )
    this.missed = new MissedAlerts((limit) =>
      onceMoreIfConnectionLost(() => deps.recentAlerts(limit), READ_RETRY_MS)
    )
    this.lastState = deps.channel.state
    if (this.lastState === 'connected') this.markWhereAlertsStand()
    this.unsubscribe = [
      deps.channel.onEvent((event) => this.receive(event)),
      deps.channel.onState((state) => this.stateChanged(state)),
      this.board.onChange(deps.onBoard)
    ]
    deps
      .detector()
      .then((detect) => (this.detect = detect))
      .catch((error: unknown) => this.log(`language detector not loaded: ${String(error)}`))
  }

  /** A call began at this desk: on the wallboard from now on. */
  callBegan(
    sessionId: string,
    startedAtMs: number,
    origin: CallOrigin = { channel: 'desk', caller: null }
  ): void {
    const call: RunningCall = {
      state: initialCallState(),
      origin,
      startedAt: new Date(startedAtMs).toISOString(),
      latestAlert: null,
      reported: ''
    }
    this.calls.set(sessionId, call)
    // The beat below reports these figures now: a first batch that moves none adds no report.
    call.reported = progressKey(this.progress(sessionId))
    this.heartbeat.begin(sessionId, () => this.progress(sessionId))
  }

  /** A batch of the call's inputs: a change of turns or interruptions is reported at once. */
  callInputs(sessionId: string, inputs: readonly CallInput[]): void {
    const call = this.calls.get(sessionId)
    if (!call) return
    for (const input of inputs) call.state = callReducer(call.state, input)
    const progress = this.progress(sessionId)
    const key = progressKey(progress)
    if (key === call.reported) return
    call.reported = key
    this.heartbeat.reportNow(() => progress)
  }

  /**
   * A batch of the call's inputs is stored: consoles following the call read on (CallFollowers).
   * Any call recorded here, running or finishing; not tied to the wallboard's heartbeat.
   */
  callRecorded(sessionId: string, inputs: number): void {
    if (inputs > 0) this.send({ type: 'call.recorded', sessionId, seat: this.deps.seat(), inputs })
  }

  /**
   * The call goes on at another seat (a gateway instance handed it over): no more reports from
   * here, and no call.ended, which would take the new holder's row off the boards.
   */
  callLeft(sessionId: string): void {
    if (this.calls.delete(sessionId)) this.heartbeat.leave(sessionId)
  }

  callEnded(sessionId: string): void {
    if (!this.calls.delete(sessionId)) return
    this.heartbeat.end(sessionId, this.deps.seat())
  }

  /** This desk's rules raised an alert (stored): every desk hears of it. */
  alertRaised(alert: StoredAlert): void {
    this.sendInOrder({
      type: 'alert.raised',
      alertId: alert.alertId,
      sessionId: alert.sessionId,
      seat: this.deps.seat(),
      rule: alert.rule,
      severity: alert.severity,
      raisedAt: alert.raisedAt,
      summary: cut(alert.reason)
    })
    this.missed.note(alert.alertId)
    this.noteAlert(alert)
  }

  /** An action taken at this desk (stored): the alert's desk and every board hear of it. */
  alertActed(alert: StoredAlert, action: AlertActionKind, note: string | null): void {
    this.sendInOrder({
      type: 'alert.acted',
      alertId: alert.alertId,
      sessionId: alert.sessionId,
      action,
      bySeat: this.deps.seat(),
      at: alert.actionAt ?? new Date(this.now()).toISOString(),
      note: note === null ? null : cut(note)
    })
    this.noteAlert(alert)
  }

  /** Sessions were imported or recorded here: other desks' Sessions and Reports read again. */
  sessionsChanged(reason: SessionsChangedEvent['reason'], count: number): void {
    this.send({ type: 'sessions.changed', seat: this.deps.seat(), reason, count })
  }

  /** A supervisor here gave a command to a gateway call (stored): its gateway carries it out. */
  commandGiven(event: Omit<CallCommandEvent, 'type' | 'bySeat'>): void {
    this.send({ type: 'call.command', ...event, bySeat: this.deps.seat() })
  }

  /** This gateway carried a command out, or could not: every console hears how it went. */
  commandDone(event: Omit<CallCommandDoneEvent, 'type' | 'seat'>): void {
    this.send({
      type: 'call.commandDone',
      ...event,
      seat: this.deps.seat(),
      reason: event.reason === null ? null : cut(event.reason)
    })
  }

  /** The team's escalation rules were saved here: the other desks re-read them. */
  rulesChanged(at: string): void {
    this.send({ type: 'rules.changed', bySeat: this.deps.seat(), at })
  }

  /** A supervisor here set the gateways' voice engine (stored): every gateway re-reads it. */
  gatewayEngineChanged(engine: GatewayEngineChoice, at: string): void {
    this.send({ type: 'gateway.engineChanged', engine, bySeat: this.deps.seat(), at })
  }

  snapshot(): BoardSnapshot {
    return this.board.snapshot()
  }

  close(): void {
    for (const off of this.unsubscribe) off()
    this.heartbeat.close()
    this.board.close()
  }

  private progress(sessionId: string): ReturnType<typeof callProgressOf> {
    const call = this.calls.get(sessionId)
    if (!call) throw new Error(`call ${sessionId} is not running here`)
    const figures = callProgressOf(call.state, {
      sessionId,
      seat: this.deps.seat(),
      startedAt: call.startedAt,
      latestAlert: call.latestAlert,
      detect: this.detect
    })
    // A desk's call reports as before (no channel: a desk's); a gateway's says how it came in.
    return call.origin.channel === 'desk' ? figures : { ...figures, ...call.origin }
  }

  /** A call running here shows its newest alert, and that alert's status, on every board. */
  private noteAlert(alert: StoredAlert): void {
    const call = this.calls.get(alert.sessionId)
    if (!call) return
    const known = call.latestAlert
    if (known && known.alertId !== alert.alertId && known.raisedAt > alert.raisedAt) return
    call.latestAlert = progressAlert(alert)
    this.heartbeat.reportNow(() => this.progress(alert.sessionId))
  }

  /**
   * Another desk's news. Alerts are read back by id, all at once, but told in the order their
   * NOTIFYs arrived (a supervisor's toast shows the newest last, whichever read was quicker).
   */
  private receive(event: TeamEvent): void {
    const told = this.told
    // A read that fails before its turn is handled there, not reported as unhandled meanwhile.
    const readEarly = (alertId: number): Promise<StoredAlert | null> => {
      const read = this.readBack(alertId)
      read.catch(() => undefined)
      return read
    }
    const step = async (): Promise<void> => {
      if (event.type === 'alert.raised' && event.seat !== this.deps.seat()) {
        const read = readEarly(event.alertId)
        await told
        const alert = await read
        // Announced already if a catch-up after a reconnect found it first.
        if (alert && this.missed.claim(alert.alertId))
          this.deps.onAlertRaised({ ...alert, seat: event.seat })
      } else if (event.type === 'alert.acted' && event.bySeat !== this.deps.seat()) {
        const read = readEarly(event.alertId)
        await told
        const alert = await read
        if (!alert) return
        this.noteAlert(alert)
        this.deps.onAlertChanged({ alert, action: event.action, bySeat: event.bySeat })
      } else if (event.type === 'sessions.changed' && event.seat !== this.deps.seat()) {
        await told
        this.deps.onSessionsChanged({ reason: event.reason, count: event.count })
      } else if (event.type === 'rules.changed' && event.bySeat !== this.deps.seat()) {
        await told
        this.deps.onRulesChanged()
      } else if (event.type === 'call.commandDone') {
        await told
        this.deps.onCommandDone?.(event)
      }
    }
    this.told = step().catch((error: unknown) =>
      this.log(`team event ${event.type} not read back: ${String(error)}`)
    )
  }

  /**
   * An alert read back by id. Once more after a lost connection: the first read after the server
   * came back may meet a pooled connection the restart cut.
   */
  private readBack(alertId: number): Promise<StoredAlert | null> {
    return onceMoreIfConnectionLost(() => this.deps.readAlert(alertId), READ_RETRY_MS)
  }

  /**
   * NOTIFY keeps nothing for a desk that was away: after a reconnect, readers read again, and
   * other desks' alerts stored meanwhile are announced, told after the events heard before.
   */
  private stateChanged(state: TeamChannelState): void {
    const back = state === 'connected' && this.lastState === 'reconnecting'
    const first = state === 'connected' && this.lastState === 'connecting'
    this.lastState = state
    if (first) this.markWhereAlertsStand()
    if (!back) return
    this.deps.onAlertChanged({ alert: null, action: null, bySeat: null })
    const told = this.told
    const catchUp = async (): Promise<void> => {
      const missed = this.missed.since(this.deps.seat())
      missed.catch(() => undefined)
      await told
      for (const alert of await missed) this.deps.onAlertRaised(alert)
    }
    this.told = catchUp().catch((error: unknown) =>
      this.log(`alerts stored while the team channel was away not read: ${String(error)}`)
    )
  }

  private markWhereAlertsStand(): void {
    this.missed
      .start()
      .catch((error: unknown) => this.log(`newest team alert not read: ${String(error)}`))
  }

  private send(event: TeamEvent): void {
    void this.publish(event)
  }

  /** Publishes; a failure is logged, never thrown into the call. */
  private publish(event: TeamEvent): Promise<void> {
    return this.deps.channel
      .publish(event)
      .catch((error: unknown) =>
        this.log(
          `team event ${event.type} not published: ${error instanceof Error ? error.message : String(error)}`
        )
      )
  }

  /**
   * Alerts and actions are published one after another: the pool has two connections, and two
   * NOTIFYs in flight at once may arrive swapped, so a supervisor would be told the newest alert
   * before an older one. The first goes out at once when none is in flight.
   */
  private sendInOrder(event: TeamEvent): void {
    const next = this.inFlight ? this.inFlight.then(() => this.publish(event)) : this.publish(event)
    this.inFlight = next
    void next.then(() => {
      if (this.inFlight === next) this.inFlight = null
    })
  }
}
