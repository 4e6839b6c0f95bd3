import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { writeSyntheticCsv } from '../generate/writeSyntheticCsv'
import { machineLine } from './machineLine'
import { writeQuotedCrlfCopy } from './quotedCrlfCopy'

// npm run bench:csv [-- 10000 100000 1000000] [--runs N] [--no-import]
// Row counts, each as a plain LF file and as a quoted CRLF spreadsheet export; --runs: the CLI
// and DuckDB back to back N times per file (a shared machine's load moves both alike, so their
// ratio run by run says more than either time); --no-import: skip the database import.
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '1' }, 'no-import': { type: 'boolean' } }
})
const RUNS = Number(flags.runs)
const ROWS = positionals.length ? positionals.map(Number) : [10_000, 100_000, 1_000_000]
const cacheDir = resolve('.bench')
const PEAK = resolve('.bench/build/reportPeakRss.mjs')
const BUILD = join(cacheDir, 'build')

interface Run {
  ms: number
  peakMb: number
  stdout: string
}

/** Bundled like the shipped code (tsx's on-the-fly transform is slower on hot paths). */
async function bundle(entries: Record<string, string>): Promise<void> {
  await build({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: BUILD,
    // As build:cli bundles the CLI: what only some runs need is loaded only then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning'
  })
}

function runNode(args: string[], keepStdout = true): Run {
  const started = performance.now()
  const child = spawnSync(process.execPath, ['--import', PEAK, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe']
  })
  const ms = performance.now() - started
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed:\n${child.stderr}`)
  const kb = Number(/__peak_rss_kb=(\d+)/.exec(child.stderr)?.[1] ?? NaN)
  return { ms, peakMb: kb / 1024, stdout: child.stdout ?? '' }
}

interface Imported {
  ms: number
  mainCpuMs: number
  processCpuMs: number
  checkpointedMs: number
  peakMb: number
}

/** The app's import of `file` into a fresh database holding the pilot, in its own process. */
function importOnce(file: string): Imported {
  const dataDir = mkdtempSync(join(tmpdir(), 'voice-console-bench-'))
  try {
    const imported = runNode([
      join(BUILD, 'importOnce.mjs'),
      file,
      dataDir,
      join(BUILD, 'labCsvWorker.mjs')
    ])
    return {
      ...(JSON.parse(imported.stdout) as Omit<Imported, 'peakMb'>),
      peakMb: imported.peakMb
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(
  `${machineLine()}, ${process.platform}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
)
console.log(
  'Targets: CLI report of 1M rows ≤ 3 s and ≤ 300 MB peak RSS, quoted CRLF within 1.2× of DuckDB;'
)
console.log('import ≥ 300k rows/s\n')
mkdirSync(cacheDir, { recursive: true })
await bundle({
  report: 'tools/cli/main.ts',
  tailWorker: 'tools/cli/tailWorker.ts',
  importOnce: 'tools/bench/importOnce.ts',
  labCsvWorker: 'src/main/sessions/labCsvWorker.ts',
  reportPeakRss: 'tools/bench/reportPeakRss.ts',
  duckdbReadCsv: 'tools/bench/duckdbReadCsv.ts'
})
console.log(
  'rows       file          MB  report s  report rows/s  peak MB  DuckDB s  peak MB  report/DuckDB  import s  import rows/s  peak MB  main CPU s  all CPU s  checkpointed s'
)
for (const rows of ROWS) {
  const plain = join(cacheDir, `sessions-${rows}.csv`)
  if (!existsSync(plain)) await writeSyntheticCsv(plain, rows)
  const quoted = join(cacheDir, `sessions-${rows}-quoted-crlf.csv`)
  if (!existsSync(quoted)) await writeQuotedCrlfCopy(plain, quoted)
  for (const [kind, file] of [
    ['plain LF', plain],
    ['quoted CRLF', quoted]
  ] as const) {
    for (let run = 0; run < RUNS; run++) {
      const report = runNode([join(BUILD, 'report.mjs'), file, '--json'], false)
      const duck = runNode([join(BUILD, 'duckdbReadCsv.mjs'), file])
      if ((JSON.parse(duck.stdout) as { rows: number }).rows !== rows)
        throw new Error(`DuckDB did not read ${rows} rows of ${file}`)
      const imported = flags['no-import'] ? undefined : importOnce(file)
      console.log(
        [
          fmt(rows).padEnd(10),
          kind.padEnd(11),
          fmt(statSync(file).size / 1e6, 1).padStart(6),
          fmt(report.ms / 1000, 2).padStart(9),
          fmt(rows / (report.ms / 1000)).padStart(14),
          fmt(report.peakMb).padStart(8),
          fmt(duck.ms / 1000, 2).padStart(9),
          fmt(duck.peakMb).padStart(8),
          `${fmt(report.ms / duck.ms, 2)}×`.padStart(14),
          ...(imported
            ? [
                fmt(imported.ms / 1000, 2).padStart(9),
                fmt(rows / (imported.ms / 1000)).padStart(14),
                fmt(imported.peakMb).padStart(8),
                fmt(imported.mainCpuMs / 1000, 2).padStart(11),
                fmt(imported.processCpuMs / 1000, 2).padStart(10),
                fmt(imported.checkpointedMs / 1000, 2).padStart(15)
              ]
            : [])
        ].join(' ')
      )
    }
  }
}
console.log(
  '\nDuckDB: read_csv of the same file with an aggregate over every column, in its own Node'
)
console.log('process (@duckdb/node-api, all cores), timed like the CLI: start-up included.')
console.log('\nReport: the whole CLI process (start-up included), --json to /dev/null.')
console.log('Import: parse + validate (worker thread) + conflict check + insert + commit,')
console.log(
  'into a database holding the 15 pilot sessions, another connection open, as in the app.'
)
console.log('CPU: main thread, and the whole process (the parsing worker and the checkpoint')
console.log('included); on a shared machine these say what wall-clock times stretched by other')
console.log('load cannot. Checkpointed: until the log was copied into the database file on a')
console.log('worker thread (after the import has returned).')
