import { cpus, totalmem } from 'node:os'

/** The machine a benchmark ran on, in one line: CPU model × cores, RAM, Node version. */
export function machineLine(): string {
  return (
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`
  )
}
