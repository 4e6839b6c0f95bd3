import { join } from 'node:path'
import type { ClientConfig } from 'pg'
import { CatalogService } from '../catalog/CatalogService'
import type { EmbeddingProvider } from '../catalog/embeddings/EmbeddingProvider'
import type { LabellingChoice } from '../classify/labellingModel'
import {
  openPostgresDatabaseWhileAway,
  type PostgresSessionDatabase
} from '../database/postgres/PostgresSessionDatabase'
import { SqliteWriteOutbox } from '../database/sqlite/SqliteWriteOutbox'
import { AlertStore } from '../escalation/AlertStore'
import { EscalationRulesStore } from '../escalation/EscalationRulesStore'
import { CallRecorder } from '../recording/CallRecorder'
import { loadEldDetector } from '../recording/eldLanguageDetector'
import { LiveCallPipeline } from '../recording/LiveCallPipeline'
import { LiveWrites } from '../recording/LiveWrites'
import { recoverCalls } from '../recording/recoverCalls'
import { SettingsStore } from '../settings/SettingsStore'
import { providerEngine } from '../../shared/settings/settingsSchema'
import { CallLeases } from './CallLeases'
import { TeamEngineChoice } from './TeamEngineChoice'
import { startTeamLive, type RunningTeamLive } from '../team/startTeamLive'

export interface GatewayServiceOptions {
  /** The team database (pg fields, password included: never logged). */
  connection: ClientConfig
  /** The gateway's seat on the team's records. */
  instance: string
  /** Its own folder: the recording outbox, settings.json (instructions, voice…), the catalog index. */
  dataDir: string
  /** products.csv, knowledge-base.json, orders.csv: the catalog the agent's tools answer from. */
  resourcesDir: string
  /** The catalog's vector side (the offline model on a worker); absent: lexical search only. */
  embeddings?: EmbeddingProvider
  log: (line: string) => void
}

/** The console's main-process services a gateway runs, on the team database, as one seat. */
export interface GatewayServices {
  database: PostgresSessionDatabase
  settings: SettingsStore
  recorder: CallRecorder
  liveCalls: LiveCallPipeline
  liveWrites: LiveWrites
  catalog: CatalogService
  teamLive: RunningTeamLive
  /** Which instance carries which call: its own connection's advisory locks. */
  leases: CallLeases
  /** The engine new calls run on: the team's choice, else settings.json's. */
  engine: TeamEngineChoice
  whenLeaseLost(listener: (callId: string) => void): void
  close(): Promise<void>
}

/** A gateway's active calls are not cut off at start: their leases decide who carries them. */
const GATEWAY_RECOVERY = { cutOff: false }

/** Labels of a gateway's calls: the offline lexicons (no labelling model is wired here yet). */
const LEXICON: LabellingChoice = { kind: 'lexicon', reason: 'chosen' }

/**
 * What createServices builds for a desk, minus the windows: the session database (the team's
 * PostgreSQL only), live writes with their own outbox, call recording and crash recovery for
 * this instance's seat, the escalation rules (the team's), the team channel, the catalog.
 * A team database away at start-up is opened all the same: calls queue in the outbox.
 */
export async function openGatewayServices(
  options: GatewayServiceOptions
): Promise<GatewayServices> {
  const { instance, dataDir, log } = options
  const now = Date.now
  const seat = (): string => instance
  const { database, unreachable } = await openPostgresDatabaseWhileAway({
    connection: { ...options.connection, application_name: `call-gateway:${instance}` }
  })
  const settings = new SettingsStore(dataDir, now)
  if (settings.problem) log(settings.problem)
  const liveWrites = new LiveWrites(
    database,
    new SqliteWriteOutbox(join(dataDir, 'gateway-recording-outbox.sqlite'))
  )
  // There are no windows: what a desk would tell them, the gateway only counts in its log.
  const emit = (name: 'sessions.changed', payload: { count: number }): void =>
    log(`${name}: ${payload.count} session(s) recorded`)
  const recorder = new CallRecorder(
    database,
    loadEldDetector,
    now,
    Math.random,
    () => LEXICON,
    liveWrites,
    seat
  )
  if (unreachable === null) {
    await liveWrites.drainNow()
    await recoverCalls(recorder, emit, GATEWAY_RECOVERY)
  } else {
    log('The team database cannot be reached at start-up: calls are recorded into the outbox')
    liveWrites.markUnreachable(unreachable)
  }
  const alerts = new AlertStore(database, now, loadEldDetector, liveWrites, seat)
  const rules = new EscalationRulesStore({
    rules: database.rules,
    mode: 'team',
    settings,
    seat,
    now
  })
  await rules.refresh()
  const engine = new TeamEngineChoice({
    read: () => database.gatewayEngine.read(),
    ownEngine: () => providerEngine(settings.get().provider),
    log
  })
  await engine.refresh()
  const teamLive = startTeamLive({
    connection: options.connection,
    seat,
    readAlert: (alertId) => alerts.get(alertId),
    recentAlerts: (limit) => alerts.list(undefined, limit),
    // A gateway shows nothing: other desks' news matters only for the rules it applies.
    emit: () => undefined,
    sessionsChanged: () => undefined,
    rulesChanged: () => void rules.refresh(),
    isSupervisor: () => false
  })
  // A supervisor's change reaches every instance at once; NOTIFY keeps nothing for an instance
  // whose channel was away, so it reads again once the channel is back.
  teamLive.channel.onEvent((event) => {
    if (event.type === 'gateway.engineChanged') void engine.refresh()
  })
  let channelState = teamLive.channel.state
  teamLive.channel.onState((state) => {
    if (state === 'connected' && channelState === 'reconnecting') void engine.refresh()
    channelState = state
  })
  let recovered = unreachable === null
  liveWrites.onReachable(() => {
    void engine.refresh()
    if (recovered) return
    recovered = true
    void recoverCalls(recorder, emit, GATEWAY_RECOVERY)
    void rules.refresh()
  })
  const liveCalls = new LiveCallPipeline({
    recorder,
    alerts,
    thresholds: () => rules.current(),
    sentiment: {
      readerOf: (sessionId) => recorder.sentimentReaderOf(sessionId),
      model: () => null
    },
    emit: (alert) => teamLive.live.alertRaised(alert),
    onError: (error, step) => log(`Live call ${step} failed (inputs kept): ${String(error)}`)
  })
  liveWrites.onDeferredAlert((alertId) => {
    alerts
      .get(alertId)
      .then((alert) => alert && liveCalls.announce(alert))
      .catch((error: unknown) => log(`Announcing an alert stored late failed: ${String(error)}`))
  })
  const catalog = new CatalogService({
    shippedDir: options.resourcesDir,
    dataDir,
    embeddings: options.embeddings,
    retrieval: () => settings.get().retrieval,
    now
  })
  // Reported lost to GatewayCalls once it exists (startGateway wires it).
  let onLeaseLost: (callId: string) => void = () => undefined
  const leases = new CallLeases({
    connection: options.connection,
    instance,
    log,
    onLost: (callId) => onLeaseLost(callId)
  })
  let closing = false
  if (options.embeddings)
    catalog
      .reindex()
      .then(() => catalog.warmUp())
      .then(() => log('Catalog index ready (vector search)'))
      .catch((error: unknown) => {
        if (!closing) log(`Catalog index not built (lexical search): ${String(error)}`)
      })
  return {
    database,
    settings,
    recorder,
    liveCalls,
    liveWrites,
    catalog,
    teamLive,
    leases,
    engine,
    whenLeaseLost: (listener) => (onLeaseLost = listener),
    close: async () => {
      closing = true
      await leases.close()
      catalog.close()
      await teamLive.close().catch((error: unknown) => log(`Closing the team channel: ${error}`))
      liveWrites.close()
      await database.close()
    }
  }
}
