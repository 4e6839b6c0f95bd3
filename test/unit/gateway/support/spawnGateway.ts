import { spawn, type ChildProcess } from 'node:child_process'

const PROCESS = 'test/unit/gateway/support/gatewayProcess.ts'

/** A gateway instance in a process of its own (gatewayProcess.ts): resolves once it listens. */
export function spawnGateway(options: Record<string, unknown>): Promise<{ child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROCESS], {
      env: { ...process.env, GATEWAY_PROCESS: JSON.stringify(options) }
    })
    let out = ''
    const collect = (chunk: Buffer): void => {
      out += chunk.toString()
      if (/^up http/m.test(out)) resolve({ child })
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`gateway process exited (${code}): ${out}`)))
  })
}
