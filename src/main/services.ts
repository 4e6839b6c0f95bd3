import { join } from 'node:path'
import type { Events } from '../shared/ipc/contract'
import type { FileDialogs } from './dialogs/FileDialogs'
import type { AppHandlers } from './ipc/dispatch'
import { CatalogService } from './catalog/CatalogService'
import type { EmbeddingProvider } from './catalog/embeddings/EmbeddingProvider'
import { embeddingsForSettings } from './catalog/embeddings/embeddingsForSettings'
import { noEncryption, type Encryptor } from './secrets/Encryptor'
import { SecretStore, type SecretName } from './secrets/SecretStore'
import { keyForRequest } from './secrets/keyForRequest'
import { labellingModel, type LabellingChoice } from './classify/labellingModel'
import { SettingsStore } from './settings/SettingsStore'
import { settingsHandlers } from './ipc/handlers/settingsHandlers'
import { teamHandlers } from './ipc/handlers/teamHandlers'
import { wordTeamDatabaseFailures } from './ipc/teamDatabaseFailures'
import { TeamPasswordStore } from './secrets/TeamPasswordStore'
import { TeamAccess } from './settings/TeamAccess'
import { appHandlers } from './ipc/handlers/appHandlers'
import { LeavePrompts } from './windows/LeavePrompts'
import { catalogHandlers } from './ipc/handlers/catalogHandlers'
import { consoleUser, escalationHandlers } from './ipc/handlers/escalationHandlers'
import { gatewayHandlers } from './ipc/handlers/gatewayHandlers'
import { GatewayCommands } from './team/GatewayCommands'
import { GatewayEngineSetting } from './team/GatewayEngineSetting'
import type { AlertAction, StoredAlert } from '../shared/escalation/alertRecords'
import { AlertStore } from './escalation/AlertStore'
import { EscalationBacktest } from './escalation/EscalationBacktest'
import { EscalationRulesStore } from './escalation/EscalationRulesStore'
import { realtimeHandlers } from './ipc/handlers/realtimeHandlers'
import { DemoAgent, type DemoPeers } from './realtime/demoAgent/DemoAgent'
import { demoScenarioFile } from './realtime/demoAgent/demoScenarioFile'
import { withDemoAgent } from './realtime/demoAgent/withDemoAgent'
import { recordingHandlers } from './ipc/handlers/recordingHandlers'
import { CallAudioStore } from './recording/CallAudioStore'
import { CallRecorder } from './recording/CallRecorder'
import { LiveCallPipeline } from './recording/LiveCallPipeline'
import { LiveWrites } from './recording/LiveWrites'
import { SqliteWriteOutbox } from './database/sqlite/SqliteWriteOutbox'
import { loadEldDetector } from './recording/eldLanguageDetector'
import { reportHandlers } from './ipc/handlers/reportHandlers'
import { sessionHandlers } from './ipc/handlers/sessionHandlers'
import { ReportQueries } from './reports/ReportQueries'
import { seedPilotSessions } from './sessions/seedPilotSessions'
import type { LabCsvReader } from './sessions/readLabCsvInWorker'
import { SessionImporter } from './sessions/SessionImporter'
import { SessionStore } from './sessions/SessionStore'
import type { SqliteSessionDatabase } from './database/sqlite/SqliteSessionDatabase'
import type { PostgresSessionDatabase } from './database/postgres/PostgresSessionDatabase'
import { openSessionDatabase } from './database/openSessionDatabase'
import { teamFallbackReason, teamUnreachableReason } from './settings/teamFallbackReason'
import { teamServer } from '../shared/settings/teamSettings'
import type { TeamDatabaseStatus } from '../shared/settings/teamDatabaseStatus'
import type { BoardSnapshot } from '../shared/team/boardSnapshot'
import { nextTurn } from './nextTurn'
import { OutboxStatusWatch } from './recording/OutboxStatusWatch'
import { recoverCalls } from './recording/recoverCalls'
import { startTeamLive, type RunningTeamLive } from './team/startTeamLive'
import { CallFollowers } from './team/CallFollowers'

export interface ServiceOptions {
  dataDir: string
  resourcesDir: string
  version: string
  runtime: 'electron' | 'harness'
  dialogs: FileDialogs
  emit: <E extends keyof Events>(name: E, payload: Events[E]) => void
  now?: () => number
  /** How imports read CSV files (default: on this thread). */
  csvReader?: LabCsvReader
  /**
   * The offline embedding provider, indexed in the background from start-up (Settings may choose
   * the connection's embeddings endpoint instead); absent: lexical only unless they do.
   */
  embeddings?: EmbeddingProvider
  /** Prints the app window to PDF (Electron's printToPDF); absent in the browser harness. */
  printToPdf?: () => Promise<Uint8Array>
  /** Seals API keys at rest (safeStorage in Electron); absent: keys cannot be stored. */
  encryptor?: Encryptor
  /** Called for each raised alert (an OS notification when the console is not in front). */
  notifyAlert?: (alert: Events['alerts.raised']) => void
  /** The demo calls' WebRTC side (Electron: a hidden Chromium page); absent: wrtc in main. */
  demoPeers?: () => DemoPeers
  /** Where pages leave their unsaved-edits prompt for main's windows (absent: kept unread). */
  leavePrompts?: LeavePrompts
}

export interface Services {
  /**
   * The session database: the team's PostgreSQL in team mode when it could be opened at
   * start-up, else this desk's SQLite file (`database` says which, and why not the team's).
   */
  store: SessionStore<SqliteSessionDatabase | PostgresSessionDatabase>
  database: TeamDatabaseStatus
  importer: SessionImporter
  catalog: CatalogService
  handlers: AppHandlers
  /** Running calls' inputs: recorded, ruled on, alerts announced (tests wait on its readings). */
  liveCalls: LiveCallPipeline
  /** Team mode's identity (seat, role) and connection, read at each use. */
  team: TeamAccess
  /** The escalation thresholds in force (the team's in team mode); refresh() re-reads them. */
  rules: EscalationRulesStore
  close(): void
}

/**
 * The key for a request to `url`, only if it was entered for that origin. A key for another
 * origin, or one that cannot be decrypted (OS keyring changed), counts as no key: labels go offline.
 */
const readableKey =
  (secrets: SecretStore) =>
  (name: SecretName, url: string): string | undefined => {
    try {
      return keyForRequest(secrets.get(name), url)
    } catch {
      return undefined
    }
  }

/** The saved team password, or none when it cannot be unsealed (only to blank it from a text). */
function revealQuietly(passwords: TeamPasswordStore, server: string): string | undefined {
  try {
    return passwords.reveal(server)
  } catch {
    return undefined
  }
}

/** The wallboard's reader when team mode's live side runs. */
function boardOf(teamLive: RunningTeamLive | null): (() => BoardSnapshot) | undefined {
  return teamLive ? () => teamLive.live.snapshot() : undefined
}

/** Reads the report columns once the current request is answered; a failure waits for Reports. */
function warmReports(reports: ReportQueries): void {
  setTimeout(() => void reports.warm().catch(() => undefined), 0)
}

/** Builds every main-process service in dependency order; shared by Electron and the harness. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const now = options.now ?? Date.now
  const settings = new SettingsStore(options.dataDir, now)
  const encryptor = options.encryptor ?? noEncryption('this runtime has no secure storage for keys')
  const secrets = new SecretStore(options.dataDir, encryptor)
  const teamPasswords = new TeamPasswordStore(options.dataDir, encryptor)
  const team = new TeamAccess(settings, teamPasswords)
  const databasePath = join(options.dataDir, 'sessions.sqlite')
  // Team mode records on the team's PostgreSQL; one that cannot be opened now leaves this run
  // on the desk's SQLite (said in Settings → Team) rather than stopping the console.
  const opened = await openSessionDatabase({
    sqlitePath: databasePath,
    team: () => team.connectionConfig()
  })
  const database = opened.database
  const databaseStatus: TeamDatabaseStatus = {
    backend: opened.backend,
    fallbackReason: null,
    unreachableReason: null
  }
  if (opened.backend === 'sqlite' && opened.teamFailure !== null) {
    const { connection } = settings.get().team
    databaseStatus.fallbackReason = teamFallbackReason(
      opened.teamFailure,
      connection,
      revealQuietly(teamPasswords, teamServer(connection))
    )
    console.error(databaseStatus.fallbackReason)
  }
  // The seat stamped on calls, alert actions and imports: the team's records say which desk.
  const seat = (): string | null => (opened.backend === 'postgres' ? team.identity().seat : null)
  // On the team database, Sessions counts, filters and sorts from the report columns Reports
  // keeps in memory when they are current (a million sessions: no table scan per page).
  const store = new SessionStore(
    database,
    opened.backend === 'postgres' ? () => reports.peek() : undefined
  )
  // On PostgreSQL (no file to open on a worker) the import runs here; the CSV still parses on
  // the reader's worker, if it has one.
  const importer = new SessionImporter(database, now, options.csvReader, seat)
  const reports = new ReportQueries(database)
  // Reports keeps the sessions' report columns in memory: it reads them again in the background
  // (in chunks, between other requests) at start-up and after every change to the sessions, so
  // opening Reports does not wait for that read.
  // Team mode's live side, started once the stores exist (below); null on a desk's own file.
  let teamLive: RunningTeamLive | null = null
  const sessionsChanged = (change: Events['sessions.changed']): void => {
    options.emit('sessions.changed', change)
    warmReports(reports)
  }
  // A change made here is news for the other desks too (their Sessions and Reports read again).
  const emit: ServiceOptions['emit'] = (name, payload) => {
    if (name !== 'sessions.changed') return options.emit(name, payload)
    const change = payload as Events['sessions.changed']
    sessionsChanged(change)
    // The pilot's sample lives on a desk's own file only: seeding or removing it is no team news.
    if (change.reason === 'imported' || change.reason === 'recorded')
      teamLive?.live.sessionsChanged(change.reason, change.count)
  }
  // The pilot's demo sessions seed a desk's own file only: the team's records start empty.
  const seeded =
    opened.backend === 'sqlite'
      ? await seedPilotSessions(
          store,
          importer,
          join(options.resourcesDir, 'voice_sessions.csv'),
          now
        )
      : 0
  if (seeded > 0) emit('sessions.changed', { reason: 'seeded', count: seeded })
  // Read at each use, so a key or model saved in Settings applies to the next call.
  const labelling = (): LabellingChoice => labellingModel(settings.get(), readableKey(secrets))
  // A live call's writes never wait on an import: queued here meanwhile (recording/README.md).
  // One outbox per backend: what waits for the team database stays queued for it through a
  // run that fell back to the desk's file, and never drains into the wrong database.
  const liveWrites = new LiveWrites(
    database,
    new SqliteWriteOutbox(
      join(
        options.dataDir,
        opened.backend === 'postgres' ? 'team-recording-outbox.sqlite' : 'recording-outbox.sqlite'
      )
    )
  )
  // The team database away at start-up: said at once (the outbox banner), and what needs it
  // (below: recovery, the team's rules, the readers) runs again once it is back.
  const awayAtStart = opened.backend === 'postgres' ? opened.unreachable : null
  if (awayAtStart !== null) {
    const { connection } = settings.get().team
    databaseStatus.unreachableReason = teamUnreachableReason(
      awayAtStart,
      connection,
      revealQuietly(teamPasswords, teamServer(connection))
    )
    console.error(databaseStatus.unreachableReason)
    liveWrites.markUnreachable(awayAtStart)
  }
  // What a crash left queued goes in first: recovery finalizes calls from their events.
  else await liveWrites.drainNow()
  // Calls cut off by a crash or a closed window become incomplete sessions before any new call.
  // One that cannot be finalized is kept as failed (Sessions shows it) and start-up goes on.
  const recorder = new CallRecorder(
    database,
    loadEldDetector,
    now,
    Math.random,
    labelling,
    liveWrites,
    seat
  )
  if (awayAtStart === null) await recoverCalls(recorder, emit)
  // Offline, or the connection's embeddings endpoint, as Settings say (switched on save).
  const embeddingsFor = embeddingsForSettings(options.embeddings, readableKey(secrets))
  const initialEmbeddings = embeddingsFor(settings.get())
  // Validated on load: a broken catalog source stops start-up with its row-level errors.
  const catalog = new CatalogService({
    shippedDir: options.resourcesDir,
    dataDir: options.dataDir,
    embeddings: initialEmbeddings,
    retrieval: () => settings.get().retrieval,
    onProgress: (progress) => options.emit('catalog.indexProgress', progress),
    onChanged: (status) => options.emit('catalog.changed', status),
    now
  })
  // Incremental (usually nothing to embed); the tools answer lexically until it is done.
  if (initialEmbeddings)
    catalog
      .reindex()
      .then(() => catalog.warmUp())
      .catch(() => undefined)
  const alerts = new AlertStore(database, now, loadEldDetector, liveWrites, seat)
  // The team's thresholds in team mode (read now, kept for the live rules), else the desk's.
  const rules = new EscalationRulesStore({
    rules: database.rules,
    mode: opened.backend === 'postgres' ? 'team' : 'desk',
    settings,
    seat,
    now,
    // Every desk runs its live rules on the team's: the others re-read them at once.
    onSaved: ({ at }) => teamLive?.live.rulesChanged(at)
  })
  await rules.refresh()
  // Team mode's live side: other desks' alerts and actions, the wallboard, this desk's calls
  // on it. Only when this run records on the team database (the channel is that database).
  const teamConnection = opened.backend === 'postgres' ? team.connectionConfig() : null
  teamLive = teamConnection
    ? startTeamLive({
        connection: teamConnection,
        seat: () => team.identity().seat,
        readAlert: (alertId) => alerts.get(alertId),
        recentAlerts: (limit) => alerts.list(undefined, limit),
        emit: options.emit,
        sessionsChanged,
        rulesChanged: () => void rules.refresh(),
        isSupervisor: () => team.identity().role === 'supervisor',
        notify: options.notifyAlert
      })
    : null
  // Team calls this console's windows follow live (a wallboard row opened), read on as the
  // channel announces their stored batches.
  const followers = teamLive
    ? new CallFollowers({
        database,
        feed: teamLive.channel,
        emit: (chunk) => options.emit('team.callRecorded', chunk)
      })
    : undefined
  // Once the team database is back (and the queue delivered): what start-up could not do.
  let recovered = awayAtStart === null
  liveWrites.onReachable(() => {
    databaseStatus.unreachableReason = null
    if (!recovered) {
      recovered = true
      void recoverCalls(recorder, emit)
      void rules.refresh()
    }
    // The screens read again: Sessions and Reports said "unreachable" meanwhile.
    sessionsChanged({ reason: 'recorded', count: 0 })
  })
  // Alerts raised while the team database was away are announced once the outbox stores them.
  liveWrites.onDeferredAlert((alertId) => {
    alerts
      .get(alertId)
      .then((alert) => alert && liveCalls.announce(alert))
      .catch((error: unknown) => console.error('Announcing an alert stored late failed:', error))
  })
  const outboxWatch = new OutboxStatusWatch(liveWrites, (status) =>
    options.emit('recording.outbox', status)
  )
  // The escalation rules run in main on what is recorded, so alerts survive a closed window.
  const liveCalls = new LiveCallPipeline({
    recorder,
    alerts,
    thresholds: () => rules.current(),
    sentiment: {
      readerOf: (sessionId) => recorder.sentimentReaderOf(sessionId),
      model: () => {
        const choice = labelling()
        return choice.kind === 'model' ? choice.model : null
      }
    },
    emit: (alert) => {
      options.emit('alerts.raised', alert)
      teamLive?.live.alertRaised(alert)
    },
    notify: options.notifyAlert,
    onError: (error, step) => console.error(`Live call ${step} failed (inputs kept):`, error)
  })
  // "Demo agent" provider: the scripted simulator on loopback, started by the first demo call.
  const demoAgent = new DemoAgent({
    scenarioFile: demoScenarioFile(options.resourcesDir),
    peers: options.demoPeers
  })
  // Who acts on an alert: the desk's seat on the team database, the OS user on a desk's own.
  const actor = (): string => (seat() === null ? consoleUser() : team.identity().seat)
  const alertActed = (alert: StoredAlert, input: AlertAction): void => {
    // Every window's lists and badges follow; in team mode every desk's do too.
    options.emit('alerts.changed', { alert, action: input.action, bySeat: actor() })
    teamLive?.live.alertActed(
      alert,
      input.action,
      input.action === 'instruct' ? input.instruction : alert.actionNote
    )
  }
  // The database's handlers on the team's PostgreSQL: a lost connection is said as such.
  const onTeamDatabase = <H extends Parameters<typeof wordTeamDatabaseFailures>[0]>(group: H): H =>
    opened.backend === 'postgres' ? wordTeamDatabaseFailures(group) : group
  const handlers: AppHandlers = {
    ...appHandlers(
      { version: options.version, dataDir: options.dataDir, runtime: options.runtime },
      options.leavePrompts ?? new LeavePrompts()
    ),
    ...onTeamDatabase(
      sessionHandlers({
        store,
        facets: () => reports.facets(),
        importer,
        dialogs: options.dialogs,
        emit,
        now
      })
    ),
    ...catalogHandlers({ catalog, dialogs: options.dialogs }),
    ...settingsHandlers({
      settings,
      secrets,
      onSaved: (saved) => catalog.useEmbeddings(embeddingsFor(saved)),
      onKeySaved: () => catalog.retryIfFailed()
    }),
    ...teamHandlers({
      team,
      passwords: teamPasswords,
      database: databaseStatus,
      board: boardOf(teamLive),
      followers,
      outbox: () => outboxWatch.status()
    }),
    ...realtimeHandlers({ settings, secrets }),
    ...onTeamDatabase(
      reportHandlers({
        reports,
        dialogs: options.dialogs,
        printToPdf: options.printToPdf,
        now
      })
    ),
    ...onTeamDatabase(
      recordingHandlers({
        recorder,
        audio: new CallAudioStore({
          database,
          writes: liveWrites,
          enabled: () => settings.get().recordAudio,
          isCall: (sessionId) => recorder.isCall(sessionId),
          now
        }),
        actor,
        mayRemoveAudio: () => seat() === null || team.identity().role === 'supervisor',
        liveCalls,
        emit,
        currentPricing: () => settings.get().pricing,
        observer: teamLive?.live
      })
    ),
    ...onTeamDatabase(
      escalationHandlers({
        backtest: new EscalationBacktest(database, nextTurn),
        alerts,
        rules,
        actor,
        onActed: alertActed
      })
    ),
    ...onTeamDatabase(
      gatewayHandlers({
        commands: new GatewayCommands({
          database,
          alerts,
          identity: () => team.identity(),
          live: () => teamLive?.live ?? null,
          onAlertActed: alertActed,
          now
        }),
        engine: new GatewayEngineSetting({
          table: opened.backend === 'postgres' ? opened.database.gatewayEngine : null,
          identity: () => team.identity(),
          live: () => teamLive?.live ?? null,
          now
        })
      })
    )
  }
  warmReports(reports)
  return {
    store,
    database: databaseStatus,
    importer,
    catalog,
    liveCalls,
    team,
    rules,
    handlers: withDemoAgent(handlers, { demoAgent, settings: () => settings.get() }),
    // Once: a window's close and the app's quit may both ask.
    close: once(() => {
      demoAgent.close().catch((error: unknown) => console.error('Stopping the demo agent:', error))
      catalog.close()
      outboxWatch.close()
      followers?.close()
      teamLive?.close().catch((error: unknown) => console.error('Closing the team channel:', error))
      liveWrites.close()
      store.close().catch((error: unknown) => console.error('Closing the database:', error))
    })
  }
}

function once(work: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    work()
  }
}
