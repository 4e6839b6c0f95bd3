import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TeamEventFeed } from '../../../src/main/team/LiveCallsBoard'
import { TeamLive, type AlertChange, type TeamAlert } from '../../../src/main/team/TeamLive'
import type { LanguageDetector } from '../../../src/shared/classify/detectCallLanguage'
import type { StoredAlert } from '../../../src/shared/escalation/alertRecords'
import type { CallInput } from '../../../src/shared/live-call/callEvents'
import { callReducer } from '../../../src/shared/live-call/callReducer'
import { initialCallState } from '../../../src/shared/live-call/callState'
import type { BoardSnapshot, TeamChannelState } from '../../../src/shared/team/boardSnapshot'
import { callProgressOf } from '../../../src/shared/team/callProgress'
import {
  TEAM_TEXT_MAX_CHARS,
  TeamEventSchema,
  type CallProgressEvent,
  type TeamEvent
} from '../../../src/shared/team/teamEvents'
import { BARGE_IN_CLEARED, NORMAL_CALL } from '../../support/callFixtures'

/**
 * The team channel in memory: what a desk publishes comes back to its own listeners, as
 * PostgreSQL's NOTIFY reaches every LISTEN, the sender's included. The real channel has its
 * own tests (TeamChannel.test.ts); this one lets TeamLive's decisions be read event by event.
 */
class MemoryFeed implements TeamEventFeed {
  state: TeamChannelState = 'connected'
  readonly published: TeamEvent[] = []
  /** Set: every publish fails with it, as with the team database away. */
  refuse: Error | null = null
  /** How long each next publish takes, in ms (then none): NOTIFYs in flight on a pool. */
  readonly publishDelays: number[] = []
  private readonly eventListeners = new Set<(event: TeamEvent) => void>()
  private readonly stateListeners = new Set<(state: TeamChannelState) => void>()

  onEvent(listener: (event: TeamEvent) => void): () => void {
    this.eventListeners.add(listener)
    return () => void this.eventListeners.delete(listener)
  }

  onState(listener: (state: TeamChannelState) => void): () => void {
    this.stateListeners.add(listener)
    return () => void this.stateListeners.delete(listener)
  }

  async publish(event: TeamEvent): Promise<void> {
    if (this.refuse) throw this.refuse
    const delay = this.publishDelays.shift()
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay))
    this.published.push(TeamEventSchema.parse(event))
    queueMicrotask(() => this.deliver(event))
  }

  /** Another desk's event arriving. */
  deliver(event: TeamEvent): void {
    for (const listener of this.eventListeners) listener(event)
  }

  setState(state: TeamChannelState): void {
    this.state = state
    for (const listener of this.stateListeners) listener(state)
  }

  progress(): CallProgressEvent[] {
    return this.published.filter((e): e is CallProgressEvent => e.type === 'call.progress')
  }
}

const detectEnglish: LanguageDetector = () => ({ language: 'en', reliable: true })

const stored = (over: Partial<StoredAlert> = {}): StoredAlert => ({
  alertId: 4,
  sessionId: 'call-1',
  rule: 'interruptions_total',
  severity: 'warning',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'Caller interrupted 3 times',
  evidence: { items: [], figures: {} },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  seat: null,
  callEnded: false,
  ...over
})

/** Lets queued microtasks (echoed events, readAlert answers) run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const STARTED = Date.parse('2026-11-25T14:30:12.000Z')

describe('TeamLive', () => {
  const opened: TeamLive[] = []
  afterEach(() => {
    for (const live of opened.splice(0)) live.close()
    vi.useRealTimers()
  })

  function desk(
    options: {
      detector?: () => Promise<LanguageDetector>
      alerts?: StoredAlert[]
      heartbeatMs?: number
    } = {}
  ) {
    const feed = new MemoryFeed()
    const seen = {
      raised: [] as TeamAlert[],
      changed: [] as AlertChange[],
      boards: [] as BoardSnapshot[],
      sessions: [] as { reason: string; count: number }[],
      rules: 0,
      logs: [] as string[]
    }
    const desk = { seat: 'desk-a' }
    const alerts = new Map((options.alerts ?? []).map((a) => [a.alertId, a]))
    const readAlert = vi.fn(async (alertId: number) => alerts.get(alertId) ?? null)
    const recentAlerts = vi.fn(async (limit: number) =>
      [...alerts.values()].sort((a, b) => b.alertId - a.alertId).slice(0, limit)
    )
    const live = new TeamLive({
      channel: feed,
      seat: () => desk.seat,
      readAlert,
      recentAlerts,
      detector: options.detector ?? (async () => detectEnglish),
      onAlertRaised: (alert) => seen.raised.push(alert),
      onAlertChanged: (change) => seen.changed.push(change),
      onBoard: (snapshot) => seen.boards.push(snapshot),
      onSessionsChanged: (change) => seen.sessions.push(change),
      onRulesChanged: () => (seen.rules += 1),
      // Long unless asked for: a test sees the reports TeamLive decides on, not the beat.
      heartbeatMs: options.heartbeatMs ?? 3_600_000,
      log: (line) => seen.logs.push(line)
    })
    opened.push(live)
    return { live, feed, seen, desk, readAlert, alerts, recentAlerts }
  }

  describe('its own calls', () => {
    it("announces each stored batch of a call's inputs for the consoles following it", () => {
      const { live, feed } = desk()
      live.callRecorded('call-1', 12)
      live.callRecorded('call-1', 0)
      expect(feed.published).toEqual([
        { type: 'call.recorded', sessionId: 'call-1', seat: 'desk-a', inputs: 12 }
      ])
    })

    it('publishes a call on the board as soon as it begins', () => {
      const { live, feed } = desk()
      live.callBegan('call-1', STARTED)
      expect(feed.published).toEqual([
        {
          type: 'call.progress',
          sessionId: 'call-1',
          seat: 'desk-a',
          startedAt: '2026-11-25T14:30:12.000Z',
          language: null,
          turns: 0,
          interruptions: 0,
          p50Ms: null,
          latestAlert: null
        }
      ])
    })

    it('reports a batch of inputs only when turns, interruptions, P50 or language moved', async () => {
      const { live, feed } = desk()
      await settle() // the detector has loaded
      live.callBegan('call-1', STARTED)
      // What a desk should report: each input after which the figures differ from the last ones.
      const keyOf = (p: Omit<CallProgressEvent, 'type'>): string =>
        [p.turns, p.interruptions, p.p50Ms, p.language].join('/')
      const facts = {
        sessionId: 'call-1',
        seat: 'desk-a',
        startedAt: '2026-11-25T14:30:12.000Z',
        latestAlert: null,
        detect: detectEnglish
      }
      let state = initialCallState()
      let last = keyOf(callProgressOf(state, facts))
      const expected = [callProgressOf(state, facts)]
      for (const input of BARGE_IN_CLEARED) {
        state = callReducer(state, input)
        const progress = callProgressOf(state, facts)
        if (keyOf(progress) !== last) expected.push(progress)
        last = keyOf(progress)
        live.callInputs('call-1', [input])
      }
      expect(feed.progress()).toEqual(expected.map((p) => ({ type: 'call.progress', ...p })))
      expect(feed.progress().at(-1)).toMatchObject({ turns: 4, interruptions: 1, p50Ms: 400 })

      // Nothing moved: nothing published.
      const before = feed.published.length
      live.callInputs('call-1', [{ t: 99_000, event: { type: 'rate_limits.updated' } }])
      expect(feed.published).toHaveLength(before)
    })

    it('folds a whole batch before reporting it once', () => {
      const { live, feed } = desk()
      live.callBegan('call-1', STARTED)
      live.callInputs('call-1', NORMAL_CALL)
      expect(feed.progress()).toHaveLength(2)
      expect(feed.progress()[1]).toMatchObject({ turns: 7, interruptions: 0, p50Ms: 430 })
    })

    it('reports no language until the detector has loaded, then reports the language', async () => {
      let loaded: (detect: LanguageDetector) => void = () => undefined
      const detector = new Promise<LanguageDetector>((resolve) => (loaded = resolve))
      const { live, feed } = desk({ detector: () => detector })
      live.callBegan('call-1', STARTED)
      const firstTurn = NORMAL_CALL.filter((input) => input.t <= 9900)
      live.callInputs('call-1', firstTurn)
      expect(feed.progress().at(-1)).toMatchObject({ turns: 3, language: null })
      loaded(detectEnglish)
      await settle()
      // An input that moves no figure still reports: the language is news.
      const quiet: CallInput = { t: 9950, event: { type: 'rate_limits.updated' } }
      live.callInputs('call-1', [quiet])
      expect(feed.progress().at(-1)).toMatchObject({ turns: 3, language: 'en' })
      expect(feed.progress()).toHaveLength(3)
    })

    it('ignores inputs of a call it does not run', () => {
      const { live, feed } = desk()
      live.callInputs('call-9', NORMAL_CALL)
      expect(feed.published).toEqual([])
    })

    it('publishes call.ended once, and nothing for the call afterwards', () => {
      const { live, feed, desk: d } = desk()
      live.callBegan('call-1', STARTED)
      d.seat = 'desk-a2' // Settings changed the seat during the call: read at each use
      live.callEnded('call-1')
      live.callEnded('call-1')
      live.callInputs('call-1', NORMAL_CALL)
      expect(feed.published.slice(1)).toEqual([
        { type: 'call.ended', sessionId: 'call-1', seat: 'desk-a2' }
      ])
    })

    it('re-publishes a running call every heartbeat (2 s by default) until it ends', async () => {
      vi.useFakeTimers()
      const feed = new MemoryFeed()
      const live = new TeamLive({
        channel: feed,
        seat: () => 'desk-a',
        readAlert: async () => null,
        recentAlerts: async () => [],
        detector: async () => detectEnglish,
        onAlertRaised: () => undefined,
        onAlertChanged: () => undefined,
        onBoard: () => undefined,
        onSessionsChanged: () => undefined,
        onRulesChanged: () => undefined
      })
      opened.push(live)
      live.callBegan('call-1', STARTED)
      expect(feed.progress()).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1_999)
      expect(feed.progress()).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(feed.progress()).toHaveLength(2)
      await vi.advanceTimersByTimeAsync(4_000)
      expect(feed.progress()).toHaveLength(4)
      live.callEnded('call-1')
      await vi.advanceTimersByTimeAsync(10_000)
      expect(feed.progress()).toHaveLength(4)
      expect(feed.published.at(-1)?.type).toBe('call.ended')
    })
  })

  describe('its own alerts and actions', () => {
    it('publishes a raised alert, its summary cut to fit, and shows it on the call at once', () => {
      const { live, feed } = desk()
      live.callBegan('call-1', STARTED)
      const reason = 'The caller keeps interrupting the agent. '.repeat(10)
      live.alertRaised(stored({ reason }))
      const [raised, progress] = feed.published.slice(1)
      expect(raised).toEqual({
        type: 'alert.raised',
        alertId: 4,
        sessionId: 'call-1',
        seat: 'desk-a',
        rule: 'interruptions_total',
        severity: 'warning',
        raisedAt: '2026-11-25T14:31:00.000Z',
        summary: `${reason.slice(0, TEAM_TEXT_MAX_CHARS - 1)}…`
      })
      expect(raised?.type === 'alert.raised' && raised.summary).toHaveLength(TEAM_TEXT_MAX_CHARS)
      expect(progress).toMatchObject({
        type: 'call.progress',
        latestAlert: {
          alertId: 4,
          rule: 'interruptions_total',
          severity: 'warning',
          raisedAt: '2026-11-25T14:31:00.000Z',
          status: 'open'
        }
      })
      // The next report of the call still carries it.
      live.callInputs('call-1', NORMAL_CALL)
      expect(feed.progress().at(-1)?.latestAlert?.alertId).toBe(4)
    })

    it('publishes alerts and actions one after another, in the order they happened', async () => {
      const { live, feed } = desk()
      // The first NOTIFY is slow (two pooled connections: a second could overtake it).
      feed.publishDelays.push(40)
      live.alertRaised(stored({ alertId: 1 }))
      live.alertRaised(stored({ alertId: 2 }))
      live.alertActed(stored({ alertId: 1, status: 'acknowledged' }), 'acknowledge', null)
      await new Promise((resolve) => setTimeout(resolve, 80))
      expect(
        feed.published
          .filter((event) => event.type === 'alert.raised' || event.type === 'alert.acted')
          .map((event) => `${event.type} ${event.alertId}`)
      ).toEqual(['alert.raised 1', 'alert.raised 2', 'alert.acted 1'])
    })

    it('keeps a summary that fits as it is', () => {
      const { live, feed } = desk()
      live.alertRaised(stored({ reason: 'x'.repeat(TEAM_TEXT_MAX_CHARS) }))
      expect(feed.published).toMatchObject([{ summary: 'x'.repeat(TEAM_TEXT_MAX_CHARS) }])
    })

    it('keeps showing the newest alert when an older one is reported late', async () => {
      const { live, feed } = desk()
      live.callBegan('call-1', STARTED)
      live.alertRaised(stored({ alertId: 5, raisedAt: '2026-11-25T14:32:00.000Z' }))
      live.alertRaised(stored({ alertId: 4, raisedAt: '2026-11-25T14:31:00.000Z' }))
      expect(feed.progress().at(-1)?.latestAlert?.alertId).toBe(5)
      // The second NOTIFY follows the first one's.
      await settle()
      expect(feed.published.filter((e) => e.type === 'alert.raised')).toHaveLength(2)
    })

    it('publishes an action taken here, and the call shows the alert settled', async () => {
      const { live, feed } = desk()
      live.callBegan('call-1', STARTED)
      live.alertRaised(stored())
      const escalated = stored({
        status: 'escalated',
        actionBy: 'desk-a',
        actionAt: '2026-11-25T14:33:00.000Z'
      })
      live.alertActed(escalated, 'escalate', 'n'.repeat(400))
      await settle()
      const acted = feed.published.find((e) => e.type === 'alert.acted')
      expect(acted).toEqual({
        type: 'alert.acted',
        alertId: 4,
        sessionId: 'call-1',
        action: 'escalate',
        bySeat: 'desk-a',
        at: '2026-11-25T14:33:00.000Z',
        note: `${'n'.repeat(TEAM_TEXT_MAX_CHARS - 1)}…`
      })
      expect(feed.progress().at(-1)?.latestAlert?.status).toBe('escalated')
    })
  })

  describe('other desks', () => {
    it("announces another desk's alert, read back from the database with its seat", async () => {
      const alert = stored({ alertId: 12, sessionId: 'call-b' })
      const { feed, seen, readAlert } = desk({ alerts: [alert] })
      feed.deliver({
        type: 'alert.raised',
        alertId: 12,
        sessionId: 'call-b',
        seat: 'desk-b',
        rule: 'interruptions_total',
        severity: 'warning',
        raisedAt: alert.raisedAt,
        summary: 'Caller interrupted 3 times'
      })
      await settle()
      expect(readAlert).toHaveBeenCalledWith(12)
      expect(seen.raised).toEqual([{ ...alert, seat: 'desk-b' }])
    })

    it('announces alerts in the order they arrived, whichever read back first', async () => {
      const first = stored({ alertId: 21, sessionId: 'call-b' })
      const second = stored({ alertId: 22, sessionId: 'call-b' })
      const { feed, seen, readAlert } = desk()
      // The first read is the slow one.
      readAlert.mockImplementation(async (alertId: number) => {
        if (alertId === 21) await new Promise((resolve) => setTimeout(resolve, 30))
        return alertId === 21 ? first : second
      })
      for (const alert of [first, second])
        feed.deliver({
          type: 'alert.raised',
          alertId: alert.alertId,
          sessionId: 'call-b',
          seat: 'desk-b',
          rule: 'interruptions_total',
          severity: 'warning',
          raisedAt: alert.raisedAt,
          summary: 'Caller interrupted 3 times'
        })
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(seen.raised.map((alert) => alert.alertId)).toEqual([21, 22])
      // Both were read at once, not one after the other.
      expect(readAlert).toHaveBeenCalledTimes(2)
    })

    it('does not announce its own alerts and actions when the channel echoes them', async () => {
      const alert = stored()
      const { live, feed, seen, readAlert } = desk({ alerts: [alert] })
      live.alertRaised(alert)
      live.alertActed({ ...alert, status: 'acknowledged' }, 'acknowledge', null)
      live.sessionsChanged('imported', 3)
      live.rulesChanged('2026-11-25T14:40:00.000Z')
      await settle()
      // Alerts and actions keep their order; other kinds need not wait behind them.
      expect(feed.published.map((e) => e.type).sort()).toEqual([
        'alert.acted',
        'alert.raised',
        'rules.changed',
        'sessions.changed'
      ])
      expect(readAlert).not.toHaveBeenCalled()
      expect(seen).toMatchObject({ raised: [], changed: [], sessions: [], rules: 0 })
    })

    it("passes on another desk's action with the alert as it now is", async () => {
      const acted = stored({ status: 'dismissed', actionBy: 'lead' })
      const { live, feed, seen } = desk({ alerts: [acted] })
      live.callBegan('call-1', STARTED)
      live.alertRaised(stored())
      feed.deliver({
        type: 'alert.acted',
        alertId: 4,
        sessionId: 'call-1',
        action: 'dismiss',
        bySeat: 'lead',
        at: '2026-11-25T14:35:00.000Z',
        note: 'false alarm'
      })
      await settle()
      expect(seen.changed).toEqual([{ alert: acted, action: 'dismiss', bySeat: 'lead' }])
      // The call runs here: every board is told the alert is settled.
      expect(feed.progress().at(-1)?.latestAlert?.status).toBe('dismissed')
    })

    it('says nothing of an alert it cannot read back, and logs a failed read', async () => {
      const { feed, seen, readAlert } = desk()
      const raised = {
        type: 'alert.raised',
        alertId: 99,
        sessionId: 'call-b',
        seat: 'desk-b',
        rule: 'human_request',
        severity: 'critical',
        raisedAt: '2026-11-25T14:31:00.000Z',
        summary: 'The caller asked for a person'
      } as const
      feed.deliver(raised)
      await settle()
      expect(seen.raised).toEqual([])
      readAlert.mockRejectedValueOnce(new Error('permission denied for table alerts'))
      feed.deliver(raised)
      await settle()
      expect(seen.raised).toEqual([])
      expect(seen.logs).toEqual([
        'team event alert.raised not read back: Error: permission denied for table alerts'
      ])
    })

    it('reads an alert once more when the first read meets a connection the server cut', async () => {
      vi.useFakeTimers()
      const { feed, seen, readAlert } = desk()
      const alert = stored({ alertId: 7, sessionId: 'call-b' })
      readAlert
        .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
        .mockResolvedValueOnce(alert)
      feed.deliver({
        type: 'alert.raised',
        alertId: 7,
        sessionId: 'call-b',
        seat: 'desk-b',
        rule: alert.rule,
        severity: alert.severity,
        raisedAt: alert.raisedAt,
        summary: alert.reason
      })
      await vi.advanceTimersByTimeAsync(250)
      expect(readAlert).toHaveBeenCalledTimes(2)
      expect(seen.raised).toEqual([{ ...alert, seat: 'desk-b' }])
      expect(seen.logs).toEqual([])
    })

    it("re-reads sessions and rules when another desk changed them, not for this desk's own", async () => {
      const { feed, seen } = desk()
      feed.deliver({ type: 'sessions.changed', seat: 'desk-b', reason: 'imported', count: 40 })
      feed.deliver({ type: 'sessions.changed', seat: 'desk-a', reason: 'recorded', count: 1 })
      feed.deliver({ type: 'rules.changed', bySeat: 'lead', at: '2026-11-25T14:40:00.000Z' })
      feed.deliver({ type: 'rules.changed', bySeat: 'desk-a', at: '2026-11-25T14:41:00.000Z' })
      await settle()
      expect(seen.sessions).toEqual([{ reason: 'imported', count: 40 }])
      expect(seen.rules).toBe(1)
    })

    it("puts other desks' calls on its board", () => {
      const { live, feed, seen } = desk()
      feed.deliver({
        type: 'call.progress',
        sessionId: 'call-b',
        seat: 'desk-b',
        startedAt: '2026-11-25T14:30:12.000Z',
        language: 'es',
        turns: 5,
        interruptions: 2,
        p50Ms: 610,
        latestAlert: null
      })
      expect(seen.boards.at(-1)?.calls).toMatchObject([
        { sessionId: 'call-b', seat: 'desk-b', turns: 5, interruptions: 2, language: 'es' }
      ])
      expect(live.snapshot().calls).toHaveLength(1)
    })
  })

  describe('the channel', () => {
    it('tells readers to read every alert again when it comes back after a drop', () => {
      const { feed, seen } = desk()
      feed.setState('reconnecting')
      expect(seen.changed).toEqual([])
      feed.setState('connected')
      expect(seen.changed).toEqual([{ alert: null, action: null, bySeat: null }])
      feed.setState('closed')
      expect(seen.changed).toHaveLength(1)
    })

    it('does not on its first connection', () => {
      const feed = new MemoryFeed()
      feed.state = 'connecting'
      const changed: AlertChange[] = []
      const live = new TeamLive({
        channel: feed,
        seat: () => 'desk-a',
        readAlert: async () => null,
        recentAlerts: async () => [],
        detector: async () => detectEnglish,
        onAlertRaised: () => undefined,
        onAlertChanged: (change) => changed.push(change),
        onBoard: () => undefined,
        onSessionsChanged: () => undefined,
        onRulesChanged: () => undefined
      })
      opened.push(live)
      feed.setState('connected')
      expect(changed).toEqual([])
    })

    it("announces other desks' alerts stored while it was away, once each, oldest first", async () => {
      const before = stored({ alertId: 3, sessionId: 'call-old', seat: 'desk-b' })
      const { feed, seen, alerts } = desk({ alerts: [before] })
      await settle()
      feed.setState('reconnecting')
      const away = [
        stored({ alertId: 5, sessionId: 'call-b', seat: 'desk-b' }),
        stored({ alertId: 6, sessionId: 'call-a', seat: 'desk-a' }),
        stored({ alertId: 7, sessionId: 'call-c', seat: 'gateway-1', rule: 'human_request' })
      ]
      for (const alert of away) alerts.set(alert.alertId, alert)
      feed.setState('connected')
      await settle()
      // Not the one it knew of before, not its own: the other desks' two, in the order stored.
      expect(seen.raised.map((alert) => [alert.alertId, alert.seat])).toEqual([
        [5, 'desk-b'],
        [7, 'gateway-1']
      ])
      // The NOTIFY of one stored just before LISTEN arrives as well: not told twice.
      feed.deliver({
        type: 'alert.raised',
        alertId: 7,
        sessionId: 'call-c',
        seat: 'gateway-1',
        rule: 'human_request',
        severity: 'warning',
        raisedAt: away[2]!.raisedAt,
        summary: away[2]!.reason
      })
      await settle()
      expect(seen.raised).toHaveLength(2)
      // A second drop with nothing new stored announces nothing.
      feed.setState('reconnecting')
      feed.setState('connected')
      await settle()
      expect(seen.raised).toHaveLength(2)
    })

    it('catches up from the newest alert it heard, not only from where it started', async () => {
      const { feed, seen, alerts } = desk()
      await settle()
      const heard = stored({ alertId: 10, sessionId: 'call-b', seat: 'desk-b' })
      alerts.set(10, heard)
      feed.deliver({
        type: 'alert.raised',
        alertId: 10,
        sessionId: 'call-b',
        seat: 'desk-b',
        rule: heard.rule,
        severity: heard.severity,
        raisedAt: heard.raisedAt,
        summary: heard.reason
      })
      await settle()
      feed.setState('reconnecting')
      alerts.set(11, stored({ alertId: 11, sessionId: 'call-b', seat: 'desk-b' }))
      feed.setState('connected')
      await settle()
      expect(seen.raised.map((alert) => alert.alertId)).toEqual([10, 11])
    })

    it('logs a catch-up it could not read, and tries again at the next reconnect', async () => {
      const { feed, seen, alerts, recentAlerts } = desk()
      await settle()
      feed.setState('reconnecting')
      alerts.set(4, stored({ alertId: 4, sessionId: 'call-b', seat: 'desk-b' }))
      recentAlerts.mockRejectedValueOnce(new Error('permission denied for table alerts'))
      feed.setState('connected')
      await settle()
      expect(seen.raised).toEqual([])
      expect(seen.logs).toEqual([
        'alerts stored while the team channel was away not read: Error: permission denied for table alerts'
      ])
      feed.setState('reconnecting')
      feed.setState('connected')
      await settle()
      expect(seen.raised.map((alert) => alert.alertId)).toEqual([4])
    })

    it('logs what it could not publish and never throws into the call', async () => {
      const { live, feed, seen } = desk()
      feed.refuse = new Error('the team channel is closed')
      expect(() => {
        live.callBegan('call-1', STARTED)
        live.callInputs('call-1', NORMAL_CALL)
        live.alertRaised(stored())
        live.alertActed(stored({ status: 'acknowledged' }), 'acknowledge', null)
        live.sessionsChanged('recorded', 1)
        live.rulesChanged('2026-11-25T14:40:00.000Z')
        live.callEnded('call-1')
      }).not.toThrow()
      await settle()
      expect(feed.published).toEqual([])
      expect(new Set(seen.logs)).toEqual(
        new Set(
          [
            'call.progress',
            'alert.raised',
            'alert.acted',
            'sessions.changed',
            'rules.changed',
            'call.ended'
          ].map((type) => `team event ${type} not published: the team channel is closed`)
        )
      )
    })
  })
})
