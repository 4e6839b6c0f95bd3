import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const GATEWAY = fileURLToPath(new URL('../../../src/main/gateway/main.ts', import.meta.url))
const SIMULATOR = fileURLToPath(new URL('../../realtime-sim/main.ts', import.meta.url))

export interface GatewayProcess {
  instance: string
  url: string
  child: ChildProcess
  log: string[]
  /** Resolves once the process logged a line matching `pattern` (or rejects after `ms`). */
  logged(pattern: RegExp, ms: number): Promise<void>
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number
  /**
   * Seconds its main thread (the event loop) was ready to run but waited for a CPU so far
   * (/proc/<pid>/schedstat): what a loaded machine adds to every event it handles.
   */
  cpuWaitSeconds(): number
  /** Resident memory now and its peak so far (VmRSS, VmHWM), MiB. */
  memoryMiB(): { rss: number; peak: number }
  stop(): Promise<void>
}

/** A gateway instance as a process of its own (`npm run gateway`'s entry), once it listens. */
export const startGatewayProcess = (instance: string, args: string[]): Promise<GatewayProcess> =>
  startProcess(instance, GATEWAY, ['--instance', instance, ...args])

/** The simulator as a process of its own (`npm run sim`'s entry), once it listens. */
export const startSimulatorProcess = (args: string[]): Promise<GatewayProcess> =>
  startProcess('simulator', SIMULATOR, args)

async function startProcess(
  instance: string,
  entry: string,
  args: string[]
): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const log: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    const onLine = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log.push(line)
        const found = / on (http:\/\/[^\s]+)/.exec(line)
        if (found) resolve(found[1]!)
      }
    }
    child.stdout!.on('data', onLine)
    child.stderr!.on('data', onLine)
    child.once('exit', (code) =>
      reject(new Error(`${instance} exited (${code}): ${log.join(' | ')}`))
    )
  })
  const stat = (): string[] =>
    readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const status = (field: string): number =>
    Number(
      new RegExp(`${field}:\\s+(\\d+) kB`).exec(
        readFileSync(`/proc/${child.pid}/status`, 'utf8')
      )?.[1] ?? NaN
    ) / 1024
  const logged = async (pattern: RegExp, ms: number): Promise<void> => {
    const deadline = Date.now() + ms
    while (!log.some((line) => pattern.test(line))) {
      if (Date.now() > deadline) throw new Error(`${instance}: no ${pattern} in ${ms} ms`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    instance,
    url,
    child,
    log,
    logged,
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks of 1/100 s on Linux.
    cpuSeconds: () => (Number(stat()[11]) + Number(stat()[12])) / 100,
    cpuWaitSeconds: () =>
      Number(readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9,
    memoryMiB: () => ({ rss: status('VmRSS'), peak: status('VmHWM') }),
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      await exited
    }
  }
}
