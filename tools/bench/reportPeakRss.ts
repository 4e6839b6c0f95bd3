import { writeSync } from 'node:fs'

// Preloaded into benchmarked child processes: reports their peak RSS on exit.
process.on('exit', () => {
  writeSync(2, `\n__peak_rss_kb=${process.resourceUsage().maxRSS}\n`)
})
