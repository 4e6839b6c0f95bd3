import type { CDPSession } from 'playwright-core'

// Where the renderer's main thread spends its time: a sampled CPU profile through CDP, summed
// as self time per function. Load on the machine stretches every task; the shares stay put.

/** The parts of a CDP Profiler.Profile read here. */
export interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number }
  }[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

export interface SelfTime {
  frame: string
  ms: number
  pct: number
}

/** Self time per function (name, file and line), most first; µs deltas as CDP gives them. */
export function selfTimes(profile: CpuProfile, top = 12): SelfTime[] {
  const frames = new Map<number, string>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.split('/').at(-1) ?? ''
    frames.set(
      node.id,
      file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName
    )
  }
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  const totals = new Map<string, number>()
  // Each sample's time is the delta to the next sample.
  samples.forEach((id, i) => {
    const frame = frames.get(id) ?? '?'
    totals.set(frame, (totals.get(frame) ?? 0) + (deltas[i + 1] ?? 0) / 1000)
  })
  const wallMs = (profile.endTime - profile.startTime) / 1000
  return [...totals]
    .map(([frame, ms]) => ({ frame, ms, pct: wallMs > 0 ? (100 * ms) / wallMs : 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
}

export async function startCpuProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
}

export async function stopCpuProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop')
  return profile as CpuProfile
}
