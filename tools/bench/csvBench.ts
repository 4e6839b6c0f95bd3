import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'

// npm run bench:csv [-- 10000 100000 1000000]
const sizes = process.argv.slice(2).map(Number)
const ROWS = sizes.length ? sizes : [10_000, 100_000, 1_000_000]
const cacheDir = resolve('.bench')
const PEAK = resolve('tools/bench/reportPeakRss.ts')

interface Run {
  ms: number
  peakMb: number
  stdout: string
}

function runNode(args: string[]): Run {
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', PEAK, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
  const ms = performance.now() - started
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`)
  const kb = Number(/__peak_rss_kb=(\d+)/.exec(child.stderr)?.[1] ?? NaN)
  return { ms, peakMb: kb / 1024, stdout: child.stdout }
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, ${process.platform}`
)
console.log('Targets: CLI report of 1M rows ≤ 3 s and ≤ 300 MB peak RSS; import ≥ 200k rows/s\n')
mkdirSync(cacheDir, { recursive: true })
console.log(
  'rows       file MB  report s  report rows/s  report peak MB  import s  import rows/s  import peak MB'
)
for (const rows of ROWS) {
  const file = join(cacheDir, `sessions-${rows}.csv`)
  if (!existsSync(file)) await writeSyntheticCsv(file, rows)
  const report = runNode(['bin/voice-console-report.mjs', file, '--json'])
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-bench-'))
  try {
    const imported = runNode(['tools/bench/importOnce.ts', file, dataDir])
    const { ms } = JSON.parse(imported.stdout) as { ms: number }
    console.log(
      [
        fmt(rows).padEnd(10),
        fmt(statSync(file).size / 1e6, 1).padStart(7),
        fmt(report.ms / 1000, 2).padStart(9),
        fmt(rows / (report.ms / 1000)).padStart(14),
        fmt(report.peakMb).padStart(15),
        fmt(ms / 1000, 2).padStart(9),
        fmt(rows / (ms / 1000)).padStart(14),
        fmt(imported.peakMb).padStart(15)
      ].join(' ')
    )
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
console.log('\nReport time is the whole CLI process (start-up included); import time is')
console.log('parse + validate + insert + commit into a fresh database, in process.')
