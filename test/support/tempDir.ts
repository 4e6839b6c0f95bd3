import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'

export const PILOT_CSV = resolve('resources/voice_sessions.csv')
export const RESOURCES_DIR = resolve('resources')

/** A fresh directory per test, removed afterwards. */
export function useTempDir(): {
  path: () => string
  write: (name: string, text: string) => string
} {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })
  const path = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'voice-console-')))
  return {
    path,
    write: (name, text) => {
      const file = join(path(), name)
      writeFileSync(file, text)
      return file
    }
  }
}

export const HEADER =
  'session_id,scenario,duration_sec,latency_p50_ms,latency_p95_ms,interruptions,turns,sentiment,model,rag_used,language'

/** n valid rows with ids PREFIX0001…, deterministic values. */
export function generatedCsv(n: number, prefix = 'G'): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const p50 = 70 + (i % 40)
    return [
      `${prefix}${String(i + 1).padStart(4, '0')}`,
      ['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq'][i % 5],
      20 + (i % 100),
      p50,
      p50 + 80 + (i % 60),
      i % 6,
      3 + (i % 15),
      ['positive', 'neutral', 'negative'][i % 3],
      'gpt-realtime',
      i % 4 === 0 ? 'false' : 'true',
      ['en', 'en', 'es', 'fr'][i % 4]
    ].join(',')
  })
  return [HEADER, ...rows].join('\n') + '\n'
}
