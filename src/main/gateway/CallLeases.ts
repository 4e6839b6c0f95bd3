import pg, { type ClientConfig } from 'pg'
import { CALL_LEASE_LOCK } from '../database/postgres/locks'

/** A gateway call still running at the API as far as the team database knows. */
export interface LeasableCall {
  sessionId: string
  callId: string
  /** The instance that held it last. */
  seat: string | null
  startedAtMs: number
}

export interface CallLeasesOptions {
  connection: ClientConfig
  instance: string
  log: (line: string) => void
  /** A lease that could not be taken back after the connection came back: another holds it. */
  onLost: (callId: string) => void
  /** How soon a lost connection is opened again. */
  retryMs?: number
}

const KEY = `${CALL_LEASE_LOCK}, hashtext($1)`
/**
 * Each instance's lease connection names it, so an instance can see which others are up and
 * taking calls (pg_stat_activity shows every session's application_name to any login).
 */
const READY = 'call-gateway-leases:'
/** Said by an instance that let calls go (a stop), so the others take them at once. */
const RELEASED = 'call_gateway_released'
const DRAINING = 'call-gateway-leases-draining:'

/**
 * Which instance carries which call's sideband: a session-level advisory lock per call_id on one
 * connection of this instance's own. PostgreSQL drops a connection's locks the moment it ends,
 * so a process that dies (its socket closed by the kernel) frees its calls at once, and another
 * instance polling `orphans()` takes them. While the connection is down the leases held are
 * remembered and taken back when it returns; one another instance took meanwhile is reported
 * lost (that instance now carries the call).
 */
export class CallLeases {
  private client: pg.Client | null = null
  private readonly held = new Set<string>()
  private connecting: Promise<pg.Client | null> | null = null
  private retry: NodeJS.Timeout | null = null
  private closed = false
  private draining = false
  private released: () => void = () => undefined

  constructor(private readonly options: CallLeasesOptions) {
    void this.connect()
  }

  /** Takes the call's lease; false when another instance holds it. */
  async take(callId: string): Promise<boolean> {
    this.held.add(callId)
    const client = await this.connected()
    // Away: carried all the same, and leased once the connection is back.
    if (!client) return true
    try {
      if (await this.tryLock(client, callId)) return true
    } catch {
      return true
    }
    this.held.delete(callId)
    return false
  }

  /** `announce`: the call goes on (handed over), and the other instances are told to look now. */
  async release(callId: string, announce = false): Promise<void> {
    if (!this.held.delete(callId)) return
    const client = this.client
    if (!client) return
    await client
      .query(`SELECT pg_advisory_unlock(${KEY})`, [callId])
      .catch(() => undefined /* its connection's end frees it anyway */)
    if (announce) await client.query(`NOTIFY ${RELEASED}`).catch(() => undefined)
  }

  /** Told when another instance let calls go: look for orphans now rather than at the next poll. */
  whenReleased(listener: () => void): void {
    this.released = listener
  }

  /**
   * Gateway calls still active whose lease nobody holds: each returned is now leased here (the
   * caller carries it, or releases it). Calls held here are skipped.
   */
  async orphans(): Promise<LeasableCall[]> {
    const client = await this.connected()
    if (!client) return []
    const { rows } = await client.query<{
      session_id: string
      call_id: string
      seat: string | null
      started_at_ms: number
    }>(
      `SELECT session_id, call_id, seat, started_at_ms FROM calls
       WHERE status = 'active' AND channel IN ('phone', 'web') AND call_id IS NOT NULL
       ORDER BY started_at_ms`
    )
    const taken: LeasableCall[] = []
    for (const row of rows) {
      if (this.held.has(row.call_id)) continue
      if (!(await this.tryLock(client, row.call_id))) continue
      this.held.add(row.call_id)
      taken.push({
        sessionId: row.session_id,
        callId: row.call_id,
        seat: row.seat,
        startedAtMs: Number(row.started_at_ms)
      })
    }
    return taken
  }

  /**
   * The call's row names this instance as its holder (commands to it are then addressed here);
   * false when it is no longer active (finalized meanwhile).
   */
  async moveTo(sessionId: string): Promise<boolean> {
    const client = await this.connected()
    if (!client) return false
    const result = await client.query(
      `UPDATE calls SET seat = $2 WHERE session_id = $1 AND status = 'active'`,
      [sessionId, this.options.instance]
    )
    return result.rowCount === 1
  }

  /**
   * This instance is stopping: its lease connection says so, and other instances no longer count
   * it as one that can take a call (`readyPeers`).
   */
  async markDraining(): Promise<void> {
    this.draining = true
    const client = this.client
    if (client)
      await client
        .query(`SELECT set_config('application_name', $1, false)`, [this.applicationName()])
        .catch(() => undefined /* a new connection is named so */)
  }

  /** How many other instances are up and not stopping (0 while the database is away). */
  async readyPeers(): Promise<number> {
    const client = await this.connected()
    if (!client) return 0
    const { rows } = await client
      .query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
         WHERE starts_with(application_name, $1) AND pid <> pg_backend_pid()
           AND datname = current_database()`,
        [READY]
      )
      .catch(() => ({ rows: [] }))
    return Number(rows[0]?.n ?? 0)
  }

  /**
   * Whether another instance carries the call now (its row names another seat) or it is over;
   * null when the database cannot say.
   */
  async takenOrOver(sessionId: string): Promise<boolean | null> {
    const client = await this.connected()
    if (!client) return null
    const { rows } = await client
      .query<{ seat: string | null; status: string }>(
        `SELECT seat, status FROM calls WHERE session_id = $1`,
        [sessionId]
      )
      .catch(() => ({ rows: null }))
    if (!rows) return null
    const row = rows[0]
    return !row || row.status !== 'active' || row.seat !== this.options.instance
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    const client = this.client
    this.client = null
    await client?.end().catch(() => undefined)
  }

  private applicationName(): string {
    return `${this.draining ? DRAINING : READY}${this.options.instance}`
  }

  private async tryLock(client: pg.Client, callId: string): Promise<boolean> {
    const { rows } = await client.query<{ ok: boolean }>(
      `SELECT pg_try_advisory_lock(${KEY}) AS ok`,
      [callId]
    )
    return rows[0]?.ok === true
  }

  private connected(): Promise<pg.Client | null> {
    return this.client ? Promise.resolve(this.client) : (this.connecting ?? Promise.resolve(null))
  }

  private connect(): Promise<pg.Client | null> {
    if (this.connecting) return this.connecting
    this.connecting = this.open().finally(() => (this.connecting = null))
    return this.connecting
  }

  private async open(): Promise<pg.Client | null> {
    const client = new pg.Client({
      ...this.options.connection,
      application_name: this.applicationName()
    })
    client.on('error', () => this.lost(client))
    client.on('notification', (message) => {
      if (message.channel === RELEASED) this.released()
    })
    client.on('end', () => this.lost(client))
    try {
      await client.connect()
    } catch {
      this.lost(client)
      return null
    }
    if (this.closed) {
      await client.end().catch(() => undefined)
      return null
    }
    // Back after a loss: the leases this instance still carries are taken again.
    for (const callId of [...this.held])
      if (!(await this.tryLock(client, callId).catch(() => true))) {
        this.held.delete(callId)
        this.options.log(`call ${callId}: lease taken by another instance while away`)
        this.options.onLost(callId)
      }
    // Unheard, the others' next poll (a second at most) takes the calls all the same.
    await client.query(`LISTEN ${RELEASED}`).catch(() => undefined)
    this.client = client
    return client
  }

  private lost(client: pg.Client): void {
    if (this.client === client) this.client = null
    if (this.closed || this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      void this.connect()
    }, this.options.retryMs ?? 1_000)
    this.retry.unref()
  }
}
