import { writeSync } from 'node:fs'
import { isMainThread } from 'node:worker_threads'

// Preloaded into benchmarked child processes: reports their peak RSS on exit (the process's,
// worker threads included; workers inherit the preload, so only the main thread reports).
if (isMainThread)
  process.on('exit', () => {
    writeSync(2, `\n__peak_rss_kb=${process.resourceUsage().maxRSS}\n`)
  })
