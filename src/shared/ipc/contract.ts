import type { z } from 'zod'
import type { CatalogStatus, IndexProgress } from '../catalog/catalogStatus'
import type { StoredAlert } from '../escalation/alertRecords'
import type { RouteDef } from './route'
import { appRoutes } from './routes/appRoutes'
import { catalogRoutes } from './routes/catalogRoutes'
import { escalationRoutes } from './routes/escalationRoutes'
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
  ...escalationRoutes
} satisfies Record<string, RouteDef>

export type Routes = typeof routes
export type RouteName = keyof Routes
export type Input<R extends RouteName> = z.input<Routes[R]['input']>
export type Output<R extends RouteName> = z.output<Routes[R]['output']>

/** Events main → renderer. Main is the trusted side, so these are plain types. */
export interface Events {
  'sessions.changed': { reason: 'imported' | 'seeded' | 'recorded'; count: number }
  'catalog.indexProgress': IndexProgress
  'catalog.changed': CatalogStatus
  /** An escalation rule fired on a live call (already stored). */
  'alerts.raised': StoredAlert
}
export type EventName = keyof Events

export type { Result, IpcFailure } from './result'
