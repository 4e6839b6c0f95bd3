import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'
import { machineLine } from './machineLine'

// npm run bench:import [-- --rows 1000000 --runs 3]: the app's import of a generated file into a
// database holding the pilot (tools/bench/importOnce.ts, bundled as the app's main is), with
// rows/s, how long the write lock was held (a no-wait writer probing it every millisecond), and
// main's event-loop delay while the import ran.
const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } }
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
  lockLongestMs: number
  lockBusyMs: number
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(machineLine())
console.log('Targets: ≥ 300k rows/s at 1M rows; main stalls ≤ 50 ms\n')
mkdirSync(BUILD, { recursive: true })
await build({
  entryPoints: {
    importOnce: 'tools/bench/importOnce.ts',
    labCsvWorker: 'src/main/sessions/labCsvWorker.ts'
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outdir: BUILD,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning'
})
const file = resolve(`.bench/sessions-${ROWS}.csv`)
if (!existsSync(file)) await writeSyntheticCsv(file, ROWS)
console.log(
  'run  rows        import s  rows/s    lock held s  lock busy s  loop max ms  loop p99 ms  main CPU s'
)
for (let run = 1; run <= RUNS; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-import-bench-'))
  try {
    const child = spawnSync(
      process.execPath,
      [join(BUILD, 'importOnce.mjs'), file, dataDir, join(BUILD, 'labCsvWorker.mjs')],
      { encoding: 'utf8' }
    )
    if (child.status !== 0) throw new Error(`importOnce failed:\n${child.stderr}`)
    const f = JSON.parse(child.stdout) as Figures
    console.log(
      [
        String(run).padEnd(4),
        fmt(f.rows).padEnd(11),
        fmt(f.ms / 1000, 2).padStart(8),
        fmt(f.rows / (f.ms / 1000)).padStart(9),
        fmt(f.lockLongestMs / 1000, 2).padStart(12),
        fmt(f.lockBusyMs / 1000, 2).padStart(12),
        fmt(f.loopMaxMs, 1).padStart(12),
        fmt(f.loopP99Ms, 1).padStart(12),
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
  "thread's event-loop delay while the import ran (monitorEventLoopDelay, 5 ms resolution)."
)
