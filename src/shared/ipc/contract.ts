import type { z } from 'zod'
import type { CatalogStatus, IndexProgress } from '../catalog/catalogStatus'
import type { AlertActionKind, StoredAlert } from '../escalation/alertRecords'
import type { BoardSnapshot } from '../team/boardSnapshot'
import type { CallCommandDoneEvent } from '../team/teamEvents'
import type { FollowedCallChunk } from '../team/followedCall'
import type { OutboxStatus } from '../team/outboxStatus'
import type { RouteDef } from './route'
import { appRoutes } from './routes/appRoutes'
import { catalogRoutes } from './routes/catalogRoutes'
import { escalationRoutes } from './routes/escalationRoutes'
import { gatewayRoutes } from './routes/gatewayRoutes'
import { realtimeRoutes } from './routes/realtimeRoutes'
import { recordingRoutes } from './routes/recordingRoutes'
import { reportRoutes } from './routes/reportRoutes'
import { sessionRoutes } from './routes/sessionRoutes'
import { settingsRoutes } from './routes/settingsRoutes'
import { teamRoutes } from './routes/teamRoutes'

export const routes = {
  ...appRoutes,
  ...sessionRoutes,
  ...catalogRoutes,
  ...settingsRoutes,
  ...teamRoutes,
  ...reportRoutes,
  ...realtimeRoutes,
  ...recordingRoutes,
  ...escalationRoutes,
  ...gatewayRoutes
} satisfies Record<string, RouteDef>

export type Routes = typeof routes
export type RouteName = keyof Routes
export type Input<R extends RouteName> = z.input<Routes[R]['input']>
export type Output<R extends RouteName> = z.output<Routes[R]['output']>

/** Events main → renderer. Main is the trusted side, so these are plain types. */
export interface Events {
  'sessions.changed': { reason: 'imported' | 'seeded' | 'recorded' | 'removed'; count: number }
  'catalog.indexProgress': IndexProgress
  'catalog.changed': CatalogStatus
  /** An escalation rule fired on a live call (already stored). */
  'alerts.raised': StoredAlert
  /** Team mode: another desk's rules raised an alert (stored in the team database). */
  'team.alertRaised': StoredAlert & { seat: string }
  /**
   * Team mode: another desk acted on an alert (`alert` as it is now); all null when the team
   * channel came back after a drop, so lists read again.
   */
  'alerts.changed': {
    alert: StoredAlert | null
    action: AlertActionKind | null
    bySeat: string | null
  }
  /** Team mode: a call gateway carried out a supervisor's command, or could not ("transferred by lead"). */
  'team.commandDone': CallCommandDoneEvent
  /** Team mode: the next stored inputs of a call this console follows (team.followCall). */
  'team.callRecorded': FollowedCallChunk
  /** Team mode: the Live calls wallboard changed. */
  'team.board': BoardSnapshot
  /** The recording outbox changed (the team database went away, or its queue moved). */
  'recording.outbox': OutboxStatus
}
export type EventName = keyof Events

export type { Result, IpcFailure } from './result'
