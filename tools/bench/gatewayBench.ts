import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { GroundTruthEntry } from '../../src/main/realtime-sim/groundTruth/GroundTruthLog'
import { openPostgresDatabase } from '../../src/main/database/postgres/PostgresSessionDatabase'
import { CallFollowers } from '../../src/main/team/CallFollowers'
import { TeamChannel } from '../../src/main/team/TeamChannel'
import type { EventLoopDelay, GatewayHealth } from '../../src/shared/gateway/gatewayHealth'
import { percentile } from '../../src/shared/live-call/percentile'
import { createDatabase, startLocalPostgres, stopLocalPostgres } from '../postgres/localPostgres'
import {
  bargeInCountable,
  eventsOnSideband,
  eventsOnSidebandAt,
  simulatorLateness,
  toolTrips,
  type GatewayRecord,
  type ToolTrip
} from './gateway/callFigures'
import {
  startGatewayProcess,
  startSimulatorProcess,
  type GatewayProcess
} from './gateway/gatewayProcess'
import { startRoundRobinProxy } from './gateway/roundRobinProxy'
import { machineLine } from './machineLine'

// npm run bench:gateway [-- --calls 20 --instances 2 --arrivals-over 10]: simultaneous simulated phone calls (the
// simulator's SIP: signed webhooks, then the sideband) through gateway instances that run as
// processes of their own behind one round-robin address, on a scratch PostgreSQL, a console
// listening on the team channel and following every call's live view (CallFollowers). Prints:
// calls accepted and answered, events lost (the gateway's records vs the simulator's ground
// truth), tool round trip, event-to-console, event-to-live-view, CPU and memory per call.
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20' },
    instances: { type: 'string', default: '2' },
    // S: the calls ring evenly over S seconds (each lasts about 30 s: from the last ring on, all
    // twenty are in progress together); 0: all at the same instant, and then everything in
    // lockstep, the worst case (twenty tool calls in the same millisecond).
    'arrivals-over': { type: 'string', default: '10' }
  }
})
const calls = Number(values.calls)
const instances = Number(values.instances)
const arrivalsOverS = Number(values['arrivals-over'])
if (
  !(calls >= 1 && calls <= 100) ||
  !(instances >= 1 && instances <= 8) ||
  !(arrivalsOverS >= 0 && arrivalsOverS <= 20)
)
  throw new Error('usage: bench:gateway [-- --calls 20 --instances 2 --arrivals-over 10]')

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(`${machineLine()}, ${process.platform}, load average ${load()}`)
console.log(
  `${calls} simultaneous phone calls through ${instances} gateway instance(s), ${arrivalsOverS === 0 ? 'all ringing at once' : `ringing evenly over ${arrivalsOverS} s`}; targets: tool round trip p95 ≤ 20 ms, event-to-console p95 ≤ 250 ms\n`
)

const API_KEY = 'sk-bench-gateway'
const SECRET = `whsec_${randomBytes(32).toString('base64')}`
const dir = mkdtempSync(join(tmpdir(), 'voice-console-bench-gateway-'))
const keyFile = join(dir, 'api-key')
const secretFile = join(dir, 'webhook-secret')
writeFileSync(keyFile, API_KEY)
writeFileSync(secretFile, SECRET)
chmodSync(keyFile, 0o600)
chmodSync(secretFile, 0o600)

// Its own folder under /tmp: mkdtemp's is closed to the server's user.
const local = await startLocalPostgres({
  dir: mkdtempSync(join(tmpdir(), 'voice-console-bench-pg-')),
  throwaway: true
})
const gateways: GatewayProcess[] = []
const cleanups: (() => Promise<void> | void)[] = []
try {
  const teamUrl = `${await createDatabase(local, 'voice_console')}?sslmode=disable`
  const targets: string[] = []
  const proxy = await startRoundRobinProxy(targets)
  cleanups.push(() => proxy.close())
  // The simulator in a process of its own too: its twenty calls' audio pacing is not the
  // bench's event loop, nor the gateways'.
  const truthFile = join(dir, 'ground-truth.jsonl')
  const sim = await startSimulatorProcess([
    '--port',
    '0',
    '--scenario',
    'tools/realtime-sim/scenarios/gateway-bench-tools.yaml',
    '--key',
    API_KEY,
    '--voice',
    'tone',
    '--ground-truth',
    truthFile,
    '--webhook-url',
    `${proxy.url}/webhooks/openai`,
    '--webhook-secret',
    SECRET
  ])
  cleanups.push(() => sim.stop())
  /** The simulator's ground truth so far, by call. */
  const groundTruth = (): Map<string, GroundTruthEntry[]> => {
    const byCall = new Map<string, GroundTruthEntry[]>()
    if (!existsSync(truthFile)) return byCall
    for (const line of readFileSync(truthFile, 'utf8').split('\n')) {
      if (!line) continue
      const entry = JSON.parse(line) as GroundTruthEntry
      if (entry.call_id === null) continue
      byCall.set(entry.call_id, [...(byCall.get(entry.call_id) ?? []), entry])
    }
    return byCall
  }
  // One at a time: the first migrates the team database.
  for (let i = 1; i <= instances; i++) {
    const gateway = await startGatewayProcess(`gw-${i}`, [
      '--port',
      '0',
      '--team-db',
      teamUrl,
      '--realtime-base-url',
      sim.url,
      '--api-key-file',
      keyFile,
      '--webhook-secret-file',
      secretFile,
      '--max-calls',
      String(calls),
      '--data-dir',
      join(dir, `gw-${i}`)
    ])
    gateways.push(gateway)
    targets.push(gateway.url)
  }
  // The console: every call.progress with its arrival time.
  const channel = new TeamChannel({ connection: { connectionString: teamUrl }, log: () => {} })
  cleanups.push(() => channel.close())
  const interruptionSeen = new Map<string, number[]>()
  channel.onEvent((event) => {
    if (event.type !== 'call.progress') return
    const seen = interruptionSeen.get(event.sessionId) ?? []
    while (seen.length < event.interruptions) seen.push(Date.now())
    interruptionSeen.set(event.sessionId, seen)
  })
  await channel.start()
  // The console's live views: every call followed from when the wallboard first hears of it;
  // each server event's arrival in a chunk, by event_id.
  const database = await openPostgresDatabase({ connection: teamUrl })
  cleanups.push(() => database.close())
  const inView = new Map<string, number>()
  const followers = new CallFollowers({
    database,
    feed: channel,
    maxFollows: calls,
    log: () => {},
    emit: (chunk) => {
      const now = Date.now()
      for (const { event } of chunk.inputs)
        if (typeof event['event_id'] === 'string' && !inView.has(event['event_id']))
          inView.set(event['event_id'], now)
    }
  })
  cleanups.push(() => followers.close())
  const followedFrom = new Map<string, number>()
  channel.onEvent((event) => {
    if (event.type !== 'call.progress' || followedFrom.has(event.sessionId)) return
    followedFrom.set(event.sessionId, Number.POSITIVE_INFINITY)
    followers
      .follow(`bench-${followedFrom.size}-${randomBytes(4).toString('hex')}`, event.sessionId)
      .then(
        () => followedFrom.set(event.sessionId, Date.now()),
        (error: unknown) => console.error(`following ${event.sessionId}: ${String(error)}`)
      )
  })
  // Measured once the instances have finished starting: the catalog's index built (on a worker).
  await Promise.all(gateways.map((g) => g.logged(/Catalog index (ready|not built)/, 180_000)))
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const before = gateways.map((g) => ({
    cpu: g.cpuSeconds(),
    wait: g.cpuWaitSeconds(),
    rss: g.memoryMiB().rss
  }))
  const simCpuBefore = sim.cpuSeconds()
  const simWaitBefore = sim.cpuWaitSeconds()
  // Each /healthz read starts a new interval of the event loop's lateness: from here, the calls.
  const loopDelay = async (g: GatewayProcess): Promise<EventLoopDelay> =>
    ((await (await fetch(`${g.url}/healthz`)).json()) as GatewayHealth).eventLoopDelay
  await Promise.all(gateways.map(loopDelay))
  console.log(
    `Instances ready: ${gateways.map((g, i) => `${g.instance} ${before[i]!.rss.toFixed(0)} MiB`).join(', ')}; load average ${load()}`
  )

  const started = performance.now()
  const callIds = await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * arrivalsOverS * 1000) / calls))
      const res = await fetch(`${sim.url}/sim/sip/calls`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          from: `+1415555${String(1000 + i)}`,
          to: '+18005550100',
          caller_says: 'scenario'
        })
      })
      if (res.status !== 201)
        throw new Error(`placing call ${i}: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { call_id: string }).call_id
    })
  )
  const admin = new pg.Client({ connectionString: teamUrl })
  await admin.connect()
  cleanups.push(() => admin.end())
  const databaseWork = async (): Promise<{ commits: number; rows: number }> => {
    const row = (
      await admin.query(
        `SELECT xact_commit, tup_inserted + tup_updated + tup_deleted AS rows
           FROM pg_stat_database WHERE datname = current_database()`
      )
    ).rows[0] as { xact_commit: string; rows: string }
    return { commits: Number(row.xact_commit), rows: Number(row.rows) }
  }
  const workBefore = await databaseWork()
  const deadline = Date.now() + 300_000
  const ended = (): number => {
    const truth = groundTruth()
    return callIds.filter((id) =>
      (truth.get(id) ?? []).some((e) => e.kind === 'sip' && e.state === 'ended')
    ).length
  }
  for (;;) {
    const open = Number(
      (await admin.query(`SELECT count(*) FROM calls WHERE status = 'active'`)).rows[0].count
    )
    if (ended() === calls && open === 0) break
    if (Date.now() > deadline)
      throw new Error(`calls still running after 5 min: ${calls - ended()}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const elapsedS = (performance.now() - started) / 1000
  const after = gateways.map((g) => ({
    cpu: g.cpuSeconds(),
    wait: g.cpuWaitSeconds(),
    peak: g.memoryMiB().peak
  }))
  const loopDelays = await Promise.all(gateways.map(loopDelay))
  // The server publishes its counts within a second or so of each transaction.
  await new Promise((resolve) => setTimeout(resolve, 1_500))
  const workAfter = await databaseWork()
  const simCpu = sim.cpuSeconds() - simCpuBefore
  const simWait = sim.cpuWaitSeconds() - simWaitBefore

  // Per call: accepted, answered, events recorded vs sent, tool trips, event-to-console.
  const rows = (
    await admin.query(
      `SELECT session_id, call_id, seat, status, started_at_ms FROM calls ORDER BY call_id`
    )
  ).rows as {
    session_id: string
    call_id: string
    seat: string
    status: string
    started_at_ms: string
  }[]
  const finalTruth = groundTruth()
  let accepted = 0
  let answered = 0
  let lost = 0
  let duplicated = 0
  let sentTotal = 0
  const trips: ToolTrip[] = []
  const toConsole: number[] = []
  const toView: number[] = []
  let unseenInView = 0
  const simLate: number[] = []
  for (const callId of callIds) {
    const truth = finalTruth.get(callId) ?? []
    if (truth.some((e) => e.kind === 'sip' && e.state === 'accepted')) accepted++
    const row = rows.find((r) => r.call_id === callId)
    const sent = eventsOnSideband(truth)
    sentTotal += sent.length
    if (!row) {
      lost += sent.length
      continue
    }
    const recorded = (
      await admin.query(
        `SELECT payload::json->>'event_id' AS id FROM events
         WHERE session_id = $1 AND direction = 'server' ORDER BY seq`,
        [row.session_id]
      )
    ).rows.map((r: { id: string }) => r.id)
    const recordedSet = new Set(recorded)
    lost += sent.filter((id) => !recordedSet.has(id)).length
    duplicated += recorded.length - recordedSet.size
    if (
      truth.some(
        (e) =>
          e.kind === 'event' &&
          e.direction === 'sent' &&
          (e.event as { type?: string }).type === 'response.done'
      )
    )
      answered++
    // The gateway's records of its tool turns, on its clock (set against the epoch by the call's
    // start: its row's started_at_ms and its first input were taken together).
    const records = (
      await admin.query(
        `SELECT at_ms, direction, type, payload FROM events WHERE session_id = $1
           AND (seq = 0 OR type IN ('response.function_call_arguments.done', 'tool.result',
                                    'response.done')
             OR (type = 'conversation.item.create' AND payload LIKE '%function_call_output%'))
         ORDER BY seq`,
        [row.session_id]
      )
    ).rows as GatewayRecord[]
    const first = records[0]
    const epoch = first ? Number(row.started_at_ms) - Number(first.at_ms) : null
    trips.push(
      ...toolTrips(
        truth,
        records.map((r) => ({ ...r, at_ms: Number(r.at_ms) })),
        epoch
      )
    )
    // Events sent once the view was following (those before came in its catch-up).
    const from = followedFrom.get(row.session_id) ?? Number.POSITIVE_INFINITY
    for (const { id, atMs } of eventsOnSidebandAt(truth)) {
      if (atMs < from) continue
      const at = inView.get(id)
      if (at === undefined) unseenInView++
      else toView.push(at - atMs)
    }
    simLate.push(...simulatorLateness(truth))
    const seen = interruptionSeen.get(row.session_id) ?? []
    bargeInCountable(truth).forEach((at, k) => {
      if (seen[k] !== undefined) toConsole.push(seen[k] - at)
    })
  }
  const ms = (v: number | null): string => (v === null ? '—' : `${v.toFixed(1)} ms`)
  const p = (values: number[], q: number): number | null => percentile(values, q)
  console.log(`\nAll ${calls} calls ended in ${elapsedS.toFixed(1)} s; load average ${load()}`)
  console.log(
    `Accepted ${accepted}/${calls}, answered ${answered}/${calls}; webhooks per instance: ${[...proxy.sent.values()].join(', ')}`
  )
  console.log(
    `Events: ${sentTotal} sent on the sidebands, ${lost} not recorded, ${duplicated} recorded twice`
  )
  const stage = (pick: (t: ToolTrip) => number | null): number[] =>
    trips.map(pick).filter((v): v is number => v !== null)
  const p50p95 = (values: number[]): string =>
    `p50 ${ms(p(values, 0.5))}, p95 ${ms(p(values, 0.95))}, max ${ms(values.length ? Math.max(...values) : null)}`
  console.log(
    `Tool round trip (the simulator's clock: function call sent → its output received, ${trips.length} calls): ${p50p95(stage((t) => t.total))}  (target p95 ≤ 20 ms)`
  )
  const tools = [...new Set(trips.map((t) => t.tool))]
  for (const tool of tools) {
    const of = trips.filter((t) => t.tool === tool)
    const failed = of.filter((t) => t.failed).length
    console.log(
      `  ${tool} (${of.length}${failed ? `, ${failed} answered with an error` : ''}): ${p50p95(of.map((t) => t.total))}`
    )
  }
  console.log(`  simulator → gateway (received): ${p50p95(stage((t) => t.toGateway))}`)
  console.log(
    `  in the gateway (received → output sent): ${p50p95(stage((t) => t.inGateway))}; of it the catalog search: ${p50p95(stage((t) => t.search))}`
  )
  console.log(`  gateway → simulator (received): ${p50p95(stage((t) => t.back))}`)
  console.log(
    `  outputs sent before the gateway had received their answer's response.done: ${trips.filter((t) => t.beforeItsDone === true).length} of ${trips.length}`
  )
  console.log(
    `Event to console (the cut-in words sent → the console's wallboard event with the new interruption count, ${toConsole.length} barge-ins): p50 ${ms(p(toConsole, 0.5))}, p95 ${ms(p(toConsole, 0.95))}, max ${ms(toConsole.length ? Math.max(...toConsole) : null)}  (target p95 ≤ 250 ms)`
  )
  console.log(
    `Event to live view (a server event sent → in a followed call's chunk at the console, ${followedFrom.size} calls followed, ${toView.length} events): p50 ${ms(p(toView, 0.5))}, p95 ${ms(p(toView, 0.95))}, max ${ms(toView.length ? Math.max(...toView) : null)}; ${unseenInView} never shown`
  )
  console.log(
    `simulator (own process): CPU ${simCpu.toFixed(1)} s (${((simCpu / elapsedS) * 100).toFixed(0)}% of a core), waited for a CPU ${simWait.toFixed(1)} s; its answers started late against the scenario by p50 ${ms(p(simLate, 0.5))}, p95 ${ms(p(simLate, 0.95))}`
  )
  const commits = workAfter.commits - workBefore.commits
  const rowsWritten = workAfter.rows - workBefore.rows
  console.log(
    `PostgreSQL during the calls (every client): ${commits} transactions (${(commits / calls).toFixed(0)} a call), ${rowsWritten} rows written (${(rowsWritten / calls).toFixed(0)} a call)`
  )
  gateways.forEach((g, i) => {
    const d = loopDelays[i]!
    console.log(
      `${g.instance} during the calls: event loop late by p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, max ${d.maxMs} ms; waited for a CPU ${(after[i]!.wait - before[i]!.wait).toFixed(1)} s`
    )
  })
  gateways.forEach((g, i) => {
    const handled = rows.filter((r) => r.seat === g.instance).length
    const cpu = after[i]!.cpu - before[i]!.cpu
    const grown = after[i]!.peak - before[i]!.rss
    console.log(
      `${g.instance}: ${handled} calls, CPU ${cpu.toFixed(1)} s (${handled ? (cpu / handled).toFixed(2) : '—'} s a call, ${((cpu / elapsedS) * 100).toFixed(0)}% of a core), memory ${before[i]!.rss.toFixed(0)} → peak ${after[i]!.peak.toFixed(0)} MiB (${handled ? (grown / handled).toFixed(1) : '—'} MiB a call)`
    )
  })
} finally {
  for (const gateway of gateways) await gateway.stop().catch(() => undefined)
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined)
  stopLocalPostgres(local.dir, { remove: true })
}
