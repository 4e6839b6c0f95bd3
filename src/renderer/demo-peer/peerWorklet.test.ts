// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerPeerProcessors } from './peerWorklet'

interface Processor {
  port: { postMessage: (data: unknown) => void; onmessage?: (event: { data: unknown }) => void }
  process(inputs: Float32Array[][], outputs?: Float32Array[][]): boolean
}
type ProcessorClass = new () => Processor

/** Runs the module as the AudioWorkletGlobalScope would, at 48 kHz; returns its processors. */
function loadProcessors(): Record<string, ProcessorClass> {
  const registered: Record<string, ProcessorClass> = {}
  vi.stubGlobal('sampleRate', 48_000)
  vi.stubGlobal(
    'AudioWorkletProcessor',
    class {
      port = { postMessage: vi.fn() as (data: unknown) => void }
    }
  )
  vi.stubGlobal('registerProcessor', (name: string, processor: ProcessorClass) => {
    registered[name] = processor
  })
  registerPeerProcessors()
  return registered
}
afterEach(() => vi.unstubAllGlobals())

const QUANTUM = 128
const frame = (value: number): Int16Array => new Int16Array(480).fill(value)

describe('caller-capture', () => {
  it('turns 128-sample quanta into 10 ms Int16 frames, clipped', () => {
    const capture = new (loadProcessors()['caller-capture']!)()
    const posted: Int16Array[] = []
    capture.port.postMessage = (data) => void posted.push(data as Int16Array)
    const loud = new Float32Array(QUANTUM).fill(2)
    for (let i = 0; i < 15; i++) capture.process([[loud]]) // 1 920 samples = 4 frames
    expect(posted).toHaveLength(4)
    expect(posted.every((f) => f.length === 480 && f.every((s) => s === 0x7fff))).toBe(true)
    capture.process([[]]) // no channel (no audio yet): nothing, no throw
    expect(posted).toHaveLength(4)
  })
})

describe('agent-playout', () => {
  const setup = () => {
    const playout = new (loadProcessors()['agent-playout']!)()
    const push = (value: number) => playout.port.onmessage!({ data: frame(value) })
    const render = (): Float32Array => {
      const out = new Float32Array(QUANTUM)
      playout.process([], [[out]])
      return out
    }
    return { push, render }
  }

  it('waits for 30 ms of audio, then plays it in order; silence when it runs out', () => {
    const { push, render } = setup()
    push(8192)
    push(8192)
    expect(render().every((s) => s === 0)).toBe(true)
    push(-8192)
    const played = [...Array(12)].flatMap(() => [...render()]) // 1 536 samples
    expect(played.slice(0, 960).every((s) => s === 0.25)).toBe(true)
    expect(played.slice(960, 1440).every((s) => s === -0.25)).toBe(true)
    expect(played.slice(1440).every((s) => s === 0)).toBe(true)
  })

  it('cuts a burst back to 40 ms, dropping the oldest audio', () => {
    const { push, render } = setup()
    for (let i = 1; i <= 11; i++) push(i * 100)
    // Frames 8–11 remain: the first sample played is frame 8's.
    expect(render()[0]).toBeCloseTo(800 / 0x8000, 6)
  })
})
