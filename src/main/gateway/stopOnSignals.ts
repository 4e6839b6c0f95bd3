import type { Gateway } from './startGateway'

export interface StopOnSignalsOptions {
  /** How long the first signal's stop may keep serving calls nobody takes (--drain-timeout). */
  drainTimeoutMs: number
  log: (line: string) => void
  exit: (code: number) => void
}

/**
 * SIGTERM or SIGINT: a rolling restart's stop (Gateway.drain: no new call, the calls handed to
 * the other instances, or served here until they end), then close and exit 0. A second signal
 * lets the calls still carried go at once (stored and released, not finalized).
 */
export function stopOnSignals(gateway: Gateway, options: StopOnSignalsOptions): void {
  const { log, exit } = options
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      if (stopping) {
        log(`${signal} again: letting the calls go now`)
        gateway.finishDraining()
        return
      }
      stopping = true
      log(`${signal}: stopping (no new calls; handing the calls over)`)
      gateway
        .drain(options.drainTimeoutMs)
        .then(() => gateway.close())
        .then(() => {
          log('stopped')
          exit(0)
        })
        .catch((error: unknown) => {
          log(`stopping failed: ${String(error)}`)
          exit(1)
        })
    })
}
