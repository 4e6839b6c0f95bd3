import type { ClientConfig } from 'pg'
import type { Events } from '../../shared/ipc/contract'
import type { StoredAlert } from '../../shared/escalation/alertRecords'
import { loadEldDetector } from '../recording/eldLanguageDetector'
import { TeamChannel } from './TeamChannel'
import { TeamLive } from './TeamLive'

export interface StartTeamLiveOptions {
  connection: ClientConfig
  seat: () => string
  readAlert: (alertId: number) => Promise<StoredAlert | null>
  /** The team's newest alerts, newest first (any status). */
  recentAlerts: (limit: number) => Promise<StoredAlert[]>
  emit: <E extends keyof Events>(name: E, payload: Events[E]) => void
  /** Another desk changed the team's sessions: this desk's readers (and caches) refresh. */
  sessionsChanged: (change: Events['sessions.changed']) => void
  /** Another desk saved the team's escalation rules: this desk re-reads them. */
  rulesChanged: () => void
  /** Supervisors are told of other desks' alerts; an agent's console keeps to its own calls. */
  isSupervisor: () => boolean
  /** An OS notification for another desk's alert (absent: none). */
  notify?: (alert: StoredAlert) => void
}

export interface RunningTeamLive {
  live: TeamLive
  /** The channel itself: a call gateway hears supervisors' commands on it. */
  channel: TeamChannel
  close(): Promise<void>
}

/**
 * Team mode's live side for one desk: the team channel (LISTEN/NOTIFY, reconnecting by itself)
 * and the desk's TeamLive on it, its news forwarded to the console windows. Starting does not
 * wait for the channel: a desk whose channel cannot connect yet still records its calls.
 */
export function startTeamLive(options: StartTeamLiveOptions): RunningTeamLive {
  const channel = new TeamChannel({ connection: options.connection })
  const live = new TeamLive({
    channel,
    seat: options.seat,
    readAlert: options.readAlert,
    recentAlerts: options.recentAlerts,
    detector: loadEldDetector,
    onAlertRaised: (alert) => {
      if (!options.isSupervisor()) return
      options.emit('team.alertRaised', alert)
      options.notify?.(alert)
    },
    onAlertChanged: (change) => options.emit('alerts.changed', change),
    onBoard: (snapshot) => options.emit('team.board', snapshot),
    onSessionsChanged: options.sessionsChanged,
    onRulesChanged: options.rulesChanged,
    onCommandDone: (event) => options.emit('team.commandDone', event)
  })
  void channel.start()
  return {
    live,
    channel,
    close: async () => {
      live.close()
      await channel.close()
    }
  }
}
