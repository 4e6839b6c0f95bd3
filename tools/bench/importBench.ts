import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'
import { machineLine } from './machineLine'

// npm run bench:import [-- --rows 1000000 --runs 3 --base <commit>]: the app's import of a
// generated file into a database holding the pilot (tools/bench/importOnce.ts, bundled as the
// app's main is), with rows/s, how long the write lock was held (a no-wait writer probing it
// every millisecond), and main's event-loop delay while the import ran. --base also builds the
// importer of another commit (with this importOnce) and alternates the two, run by run: on a
// shared machine only figures taken side by side compare.
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    base: { type: 'string' }
  }
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)
const BUILD = resolve('.bench/build')

interface Figures {
  ms: number
  rows: number
  mainCpuMs: number
  processCpuMs: number
  checkpointedMs: number
  loopMaxMs: number
  loopP99Ms: number
  idleMaxMs: number
  lockLongestMs: number
  lockBusyMs: number
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(machineLine())
console.log('Targets: ≥ 300k rows/s at 1M rows; main stalls ≤ 50 ms\n')
/** Bundles importOnce and the CSV worker from `root` (this tree, or a base commit's) into `out`. */
async function bundle(root: string, out: string): Promise<void> {
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: {
      importOnce: join(root, 'tools/bench/importOnce.ts'),
      labCsvWorker: join(root, 'src/main/sessions/labCsvWorker.ts')
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning'
  })
}

/** The base commit's src/, with this tree's importOnce and lock probe. */
function checkOut(commit: string): string {
  const root = resolve(`.bench/base-${commit}`)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  const tar = execFileSync('git', ['archive', commit, 'src', 'tools'], { maxBuffer: 1 << 30 })
  execFileSync('tar', ['-x', '-C', root], { input: tar })
  for (const name of ['importOnce.ts', 'writeLockProbe.ts', 'machineLine.ts'])
    copyFileSync(resolve('tools/bench', name), join(root, 'tools/bench', name))
  return root
}

const builds: [string, string][] = [['this', BUILD]]
await bundle(resolve('.'), BUILD)
if (values.base) {
  const out = resolve(`.bench/build-base`)
  await bundle(checkOut(values.base), out)
  builds.push([values.base.slice(0, 7), out])
}
const file = resolve(`.bench/sessions-${ROWS}.csv`)
if (!existsSync(file)) await writeSyntheticCsv(file, ROWS)
console.log(
  'code     run  rows        import s  rows/s    lock held s  lock busy s  loop max ms  loop p99 ms  idle max ms  main CPU s'
)
for (let run = 1; run <= RUNS; run++)
  for (const [name, out] of builds) {
    const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-import-bench-'))
    try {
      const child = spawnSync(
        process.execPath,
        [join(out, 'importOnce.mjs'), file, dataDir, join(out, 'labCsvWorker.mjs')],
        { encoding: 'utf8' }
      )
      if (child.status !== 0) throw new Error(`importOnce failed:\n${child.stderr}`)
      const f = JSON.parse(child.stdout) as Figures
      console.log(
        [
          name.padEnd(8),
          String(run).padEnd(4),
          fmt(f.rows).padEnd(11),
          fmt(f.ms / 1000, 2).padStart(8),
          fmt(f.rows / (f.ms / 1000)).padStart(9),
          fmt(f.lockLongestMs / 1000, 2).padStart(12),
          fmt(f.lockBusyMs / 1000, 2).padStart(12),
          fmt(f.loopMaxMs, 1).padStart(12),
          fmt(f.loopP99Ms, 1).padStart(12),
          fmt(f.idleMaxMs, 1).padStart(12),
          fmt(f.mainCpuMs / 1000, 2).padStart(11)
        ].join(' ')
      )
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
console.log('\nImport: parse + validate + conflict check + insert + commit, as the app runs it.')
console.log('Lock held: the longest span a writer that does not wait (busy_timeout 0, tried every')
console.log('millisecond on a thread of its own) was refused; busy: all such spans. Loop: main')
console.log(
  "thread's event-loop delay while the import ran (monitorEventLoopDelay, 5 ms resolution);"
)
console.log("idle: the same loop for 2 s after it, doing nothing (the machine's own noise).")
