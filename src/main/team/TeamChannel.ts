import pg from 'pg'
import type { TeamChannelState } from '../../shared/team/boardSnapshot'
import type { TeamEvent } from '../../shared/team/teamEvents'
import { decodeTeamEvent } from '../../shared/team/teamEventWire'
import { TEAM_CHANNEL, notifyTeamEvent } from './notifyTeamEvent'
import { onceMoreIfConnectionLost } from '../database/postgres/isConnectionLost'
import { DEFAULT_BACKOFF, reconnectDelayMs, type Backoff } from './reconnectDelay'

export { TEAM_CHANNEL }

export interface TeamChannelOptions {
  /** The team database (its secret stays here: never logged, never in an error we raise). */
  connection: pg.ClientConfig
  channel?: string
  backoff?: Backoff
  /** How often the listening connection is probed; a silent network drop is found this way. */
  probeEveryMs?: number
  /** A probe unanswered for this long means the connection is gone. */
  probeTimeoutMs?: number
  /** A connection attempt (TCP, TLS, startup, auth) that takes longer is abandoned. */
  connectTimeoutMs?: number
  log?: (line: string) => void
}

type Listener<T> = (value: T) => void

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * The desks' team channel on PostgreSQL LISTEN/NOTIFY. One dedicated client LISTENs (and
 * reconnects by itself with backoff when it drops); NOTIFY goes through a small pool, so a
 * publish never waits behind the listener's reconnect. Received payloads are checked with zod;
 * a malformed one is logged, counted and dropped, never delivered. Events published while this
 * desk was disconnected are not replayed (NOTIFY keeps nothing): on `connected` after
 * `reconnecting`, readers refresh from the database, and running calls re-publish their progress.
 */
export class TeamChannel {
  private readonly channel: string
  private readonly pool: pg.Pool
  private readonly eventListeners = new Set<Listener<TeamEvent>>()
  private readonly stateListeners = new Set<Listener<TeamChannelState>>()
  private readonly retired = new WeakSet<pg.Client>()
  private listener: pg.Client | null = null
  /** The listener a probe is running on, so probes never queue behind a hung one. */
  private probing: pg.Client | null = null
  private current: TeamChannelState = 'connecting'
  private attempt = 0
  private retry: NodeJS.Timeout | null = null
  private probe: NodeJS.Timeout | null = null
  private dropped = 0

  constructor(private readonly options: TeamChannelOptions) {
    this.channel = options.channel ?? TEAM_CHANNEL
    if (!IDENTIFIER.test(this.channel)) throw new Error('a team channel name is a plain identifier')
    this.pool = new pg.Pool({ ...this.clientConfig(), max: 2 })
    // An idle pooled client cut by the server errors here; the pool replaces it on next use.
    this.pool.on('error', (error) =>
      this.log(`team channel: publishing connection lost (${error.message})`)
    )
  }

  get state(): TeamChannelState {
    return this.current
  }

  /** Payloads dropped since start: not JSON, another wire version, or fields that fail the schema. */
  get droppedPayloads(): number {
    return this.dropped
  }

  /** Connects and LISTENs; resolves after the first attempt, connected or not (it keeps trying). */
  async start(): Promise<TeamChannelState> {
    await this.connect()
    const every = this.options.probeEveryMs ?? 5_000
    this.probe = setInterval(() => void this.probeListener(), every)
    this.probe.unref()
    return this.current
  }

  /**
   * NOTIFY one event; rejects when it is invalid, over the payload limit, or the database is away.
   * Once more when the pooled connection it met was cut (a server restart the pool had not yet
   * noticed): the pool hands out a fresh one, and the event is not lost to a stale socket.
   */
  async publish(event: TeamEvent): Promise<void> {
    await onceMoreIfConnectionLost(async () => {
      if (this.current === 'closed') throw new Error('the team channel is closed')
      await notifyTeamEvent(this.pool, event, this.channel)
    })
  }

  onEvent(listener: Listener<TeamEvent>): () => void {
    this.eventListeners.add(listener)
    return () => void this.eventListeners.delete(listener)
  }

  onState(listener: Listener<TeamChannelState>): () => void {
    this.stateListeners.add(listener)
    return () => void this.stateListeners.delete(listener)
  }

  async close(): Promise<void> {
    if (this.current === 'closed') return
    this.setState('closed')
    if (this.retry) clearTimeout(this.retry)
    if (this.probe) clearInterval(this.probe)
    const client = this.listener
    this.listener = null
    if (client) {
      this.retired.add(client)
      await client.end().catch(() => undefined)
    }
    await this.pool.end()
  }

  /** Without a connect timeout, an attempt into a dropped network would hang forever. */
  private clientConfig(): pg.ClientConfig {
    return {
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000,
      ...this.options.connection,
      keepAlive: true
    }
  }

  private async connect(): Promise<void> {
    this.retry = null
    const client = new pg.Client(this.clientConfig())
    client.on('error', (error) => this.lost(client, error))
    client.on('end', () => this.lost(client, null))
    client.on('notification', (message) => this.receive(message))
    try {
      await client.connect()
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`)
    } catch (error) {
      this.lost(client, error instanceof Error ? error : null)
      return
    }
    if (this.current === 'closed' || this.retired.has(client)) {
      this.retired.add(client)
      await client.end().catch(() => undefined)
      return
    }
    this.listener = client
    this.attempt = 0
    this.setState('connected')
  }

  /** The listening connection failed or ended: retire it once, and reconnect after a backoff. */
  private lost(client: pg.Client, error: Error | null): void {
    if (this.retired.has(client)) return
    this.retired.add(client)
    void client.end().catch(() => undefined)
    if (this.listener === client) this.listener = null
    if (this.current === 'closed') return
    const delay = reconnectDelayMs(this.attempt++, this.options.backoff ?? DEFAULT_BACKOFF)
    this.log(
      `team channel: connection lost (${error?.message ?? 'ended'}); retrying in ${delay} ms`
    )
    this.setState('reconnecting')
    this.retry = setTimeout(() => void this.connect(), delay)
  }

  private async probeListener(): Promise<void> {
    const client = this.listener
    // One probe at a time: a query queued behind a hung one is what pg 9 will refuse.
    if (!client || this.probing === client) return
    this.probing = client
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error('probe timed out')),
        this.options.probeTimeoutMs ?? 3_000
      ).unref()
    )
    try {
      await Promise.race([client.query('SELECT 1'), timeout])
    } catch (error) {
      this.lost(client, error instanceof Error ? error : null)
    } finally {
      if (this.probing === client) this.probing = null
    }
  }

  private receive(message: pg.Notification): void {
    if (message.channel !== this.channel) return
    const decoded = decodeTeamEvent(message.payload ?? '')
    if (!decoded.ok) {
      this.dropped++
      this.log(
        `team channel: dropped a malformed event from backend ${message.processId}: ${decoded.reason}`
      )
      return
    }
    for (const listener of this.eventListeners) {
      try {
        listener(decoded.event)
      } catch (error) {
        this.log(`team channel: a listener failed on ${decoded.event.type}: ${String(error)}`)
      }
    }
  }

  private setState(next: TeamChannelState): void {
    if (this.current === next || this.current === 'closed') return
    this.current = next
    for (const listener of this.stateListeners) listener(next)
  }

  private log(line: string): void {
    ;(this.options.log ?? console.warn)(line)
  }
}
