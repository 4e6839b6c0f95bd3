import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { browserAvailable } from '../../test/e2e/support/browser'
import { openApp, type AppUnderTest } from '../../test/e2e/support/harnessFixture'
import {
  SIM_KEY,
  allText,
  hangUp,
  pointAt,
  recordedSessionId,
  text,
  waitForPhase,
  waitUntil,
  withSimulator
} from '../../test/e2e/support/liveCallPage'
import {
  launchWithFakeMic,
  makeCallerWav,
  voiceToolsAvailable,
  type CallerLine
} from '../../test/e2e/support/voiceRig'
import { loadScenario } from '../../src/main/realtime-sim/scenario/loadScenario'
import type { Simulator } from '../../src/main/realtime-sim/startSimulator'
import type { Scenario } from '../../src/main/realtime-sim/scenario/scenarioSchema'
import { leastSquaresSlope, summarizeLongTasks } from './liveCall/benchStats'
import {
  growth,
  takeHeapSnapshot,
  totalsByConstructor,
  type ConstructorTotals
} from './liveCall/heapSnapshot'
import { selfTimes, startCpuProfile, stopCpuProfile } from './liveCall/cpuProfile'
import { heapAfterGc, openCdp, readLongTasks, watchLongTasks } from './liveCall/pageProbes'
import type { HeapReading } from './liveCall/pageProbes'
import { machineLine } from './machineLine'

// npm run bench:live [-- --minutes 5 --calls 20]: the renderer during live calls, driven as the
// e2e tests drive it (browser harness + Chromium with an espeak-ng caller as the microphone +
// the local GA simulator). (a) main-thread long tasks during one long call with a caller who
// talks about every 15 s; (b) the JS heap after a forced GC over back-to-back short calls.

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    calls: { type: 'string', default: '20' },
    /** Part (a) or (b) alone. */
    only: { type: 'string' },
    /** Heap snapshots after call 2 and the last call, and what grew between them. */
    snapshots: { type: 'boolean', default: false },
    /** A CPU profile of the long call: where the main thread's time goes. */
    profile: { type: 'boolean', default: false }
  }
})
const minutes = Number(values.minutes)
const calls = Number(values.calls)
if (!(minutes > 0) || !(calls >= 3) || ![undefined, 'a', 'b'].includes(values.only))
  throw new Error('usage: bench:live [-- --minutes 5 --calls 20 --only a|b --snapshots --profile]')
if (!browserAvailable() || !voiceToolsAvailable()) process.exit(1)

const dir = resolve('.bench/live-call')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const CYCLE = loadScenario('tools/realtime-sim/scenarios/bench-call-cycle.yaml')
const CADENCE_MS = 15_000
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MB`

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')
console.log(machineLine())
// Other work on the machine shows up as long tasks here: say how busy it was.
console.log(`Load average at start: ${load()}`)

/** The cycle's turns repeated `count` times over, so every caller line has its answer. */
function cycled(count: number): Scenario {
  return { ...CYCLE, turns: Array.from({ length: count }, (_, i) => CYCLE.turns[i % 4]!) }
}

/** One app with its browser (the WAV is the microphone) and simulator, for `run`. */
async function session<T>(
  wavName: string,
  lines: CallerLine[],
  tailMs: number,
  scenario: Scenario,
  run: (app: AppUnderTest, sim: Simulator) => Promise<T>
): Promise<T> {
  const wav = makeCallerWav(dir, wavName, 'en', lines, tailMs)
  const browser = await launchWithFakeMic(wav.path)
  try {
    return await withSimulator(scenario, async (sim) => {
      const app = await openApp(browser)
      try {
        await pointAt(app.page, sim, SIM_KEY)
        await app.page.getByRole('button', { name: 'Live call' }).click()
        return await run(app, sim)
      } finally {
        await app.close()
      }
    })
  } finally {
    await browser.close()
  }
}

async function call(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Call', exact: true }).click()
  await waitForPhase(page, 'in_call')
}

/** (a) One call of `minutes`, a caller line every CADENCE_MS, long tasks observed throughout. */
async function longCall(): Promise<Record<string, unknown>> {
  const durationMs = minutes * 60_000
  const count = Math.max(1, Math.floor((durationMs - 8000) / CADENCE_MS))
  // Each line starts CADENCE_MS after the last one did (espeak lines last about 2 s).
  const lines = Array.from({ length: count }, (_, i) => ({
    pauseMs: i === 0 ? 6000 : CADENCE_MS - 2000,
    text: CYCLE.turns[i % 4]!.caller
  }))
  return session('long-call', lines, 10_000, cycled(count), async (app) => {
    const { page } = app
    await watchLongTasks(page)
    const cdp = await openCdp(page)
    const before = await heapAfterGc(cdp)
    const t0 = await page.evaluate(() => performance.now())
    if (values.profile) await startCpuProfile(cdp)
    await call(page)
    await new Promise((r) => setTimeout(r, durationMs))
    const t1 = await page.evaluate(() => performance.now())
    if (values.profile) {
      console.log('\n  main thread, self time (unminified build: npx vite build --minify false):')
      for (const f of selfTimes(await stopCpuProfile(cdp)))
        console.log(
          `    ${f.frame.padEnd(70)} ${f.ms.toFixed(0).padStart(7)} ms ${f.pct.toFixed(1)} %`
        )
    }
    const tasks = (await readLongTasks(page)).filter((t) => t.startTime >= t0)
    await hangUp(page)
    const sessionId = await recordedSessionId(page)
    const after = await heapAfterGc(cdp)
    const summary = summarizeLongTasks(tasks, t1 - t0)
    const answered = (await allText(page, 'transcript-agent')).split('\n').length
    const interruptions = await text(page, 'interruption-count')
    console.log(
      `\n(a) Long call, ${minutes} min, ${count} caller lines (${sessionId}: ${answered} agent ` +
        `answers on screen, ${interruptions} interruptions)\n` +
        `  long tasks (>50 ms): ${summary.count}, total ${summary.totalMs.toFixed(0)} ms ` +
        `(${summary.busyPct.toFixed(2)} % of the call), longest ${summary.longestMs.toFixed(0)} ms\n` +
        `  heap after GC: ${mb(before.usedBytes)} before the call, ${mb(after.usedBytes)} after ` +
        `hang-up; DOM nodes ${before.nodes} → ${after.nodes}`
    )
    return { minutes, lines: count, sessionId, summary, tasks, heapBefore: before, after }
  })
}

/** (b) `calls` short calls back to back in one page; the heap after a full GC after each. */
async function backToBack(): Promise<Record<string, unknown>> {
  const lines = [{ pauseMs: 4500, text: CYCLE.turns[0]!.caller }]
  return session('short-call', lines, 20_000, cycled(1), async (app, sim) => {
    const { page } = app
    const cdp = await openCdp(page)
    const readings: (HeapReading & { sessionId: string; answered: boolean })[] = []
    let firstSnapshot: ConstructorTotals | undefined
    for (let i = 1; i <= calls; i++) {
      await call(page)
      // The caller's line gets a catalog answer: done when the simulator has played greeting,
      // preamble and answer out. A call where the microphone stayed silent is logged as such.
      const callId = sim.hub.callIds.at(-1)
      if (callId === undefined) throw new Error('the simulator has no call')
      const played = (): number =>
        sim.groundTruth
          .list(callId)
          .filter(
            (e) =>
              e.kind === 'event' &&
              e.direction === 'sent' &&
              (e.event as { type?: string }).type === 'output_audio_buffer.stopped'
          ).length
      const answered = await waitUntil(played, (n) => n >= 3, 'the answer', {
        timeout: 30_000,
        interval: 250
      }).then(
        () => true,
        () => false
      )
      await hangUp(page)
      const sessionId = await recordedSessionId(page)
      const heap = await heapAfterGc(cdp)
      readings.push({ ...heap, sessionId, answered })
      // Call 1 fills caches and lazy modules once: compare from call 2.
      if (values.snapshots && i === 2)
        firstSnapshot = totalsByConstructor(await takeHeapSnapshot(cdp))
      if (values.snapshots && i === calls && firstSnapshot) {
        const grew = growth(firstSnapshot, totalsByConstructor(await takeHeapSnapshot(cdp)))
        console.log(`  grew from call 2 to call ${calls} (count, self bytes):`)
        for (const g of grew) console.log(`    ${g.key.padEnd(48)} ${g.count} ${g.bytes}`)
      }
      console.log(
        `  call ${String(i).padStart(2)}: ${sessionId}${answered ? '' : ' (no answer heard)'}, ` +
          `heap ${mb(heap.usedBytes)}, ${heap.nodes} DOM nodes, ${heap.listeners} listeners`
      )
    }
    const first = readings[0]!
    const last = readings.at(-1)!
    const points = readings.map((r, i) => ({ x: i + 1, y: r.usedBytes }))
    const slope = leastSquaresSlope(points)!
    // A leak keeps growing; caches and lazily compiled code level off: the late slope tells.
    const lateSlope = leastSquaresSlope(points.slice(Math.floor(calls / 2)))!
    console.log(
      `\n(b) ${calls} back-to-back calls (${readings.filter((r) => r.answered).length} answered)\n` +
        `  heap after GC: ${mb(first.usedBytes)} after call 1, ${mb(last.usedBytes)} after call ` +
        `${calls} (+${mb(last.usedBytes - first.usedBytes)}); slope ${(slope / 1024).toFixed(1)} KB a call ` +
        `(least squares over all ${calls}), ${(lateSlope / 1024).toFixed(1)} KB a call over calls ` +
        `${Math.floor(calls / 2) + 1}–${calls}\n` +
        `  DOM nodes ${first.nodes} → ${last.nodes}, listeners ${first.listeners} → ${last.listeners}`
    )
    return { calls, readings, slopeBytesPerCall: slope, lateSlopeBytesPerCall: lateSlope }
  })
}

console.log(`Part (b): ${calls} calls of about 15 s; part (a): one call of ${minutes} min.\n`)
const heap = values.only === 'a' ? null : await backToBack()
const longTasks = values.only === 'b' ? null : await longCall()
const out = join(dir, 'result.json')
writeFileSync(out, JSON.stringify({ machine: machineLine(), heap, longTasks }, null, 1))
console.log(`\nLoad average at the end: ${load()}\nRaw figures: ${out}`)
// A handle stays open after the harness and simulator close, so Node would not exit by itself
// (Vitest ends its e2e workers the same way).
process.exit(0)
