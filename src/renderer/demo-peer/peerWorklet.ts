/* eslint-disable @typescript-eslint/explicit-function-return-type */
// The peer page's two AudioWorklet processors, loaded from a blob (no file to fetch, in Electron
// or a test page). This function runs in the AudioWorkletGlobalScope, never in the page: it
// must stay self-contained (no imports, no outer names).

declare const sampleRate: number
declare function registerProcessor(name: string, processor: unknown): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}

export function registerPeerProcessors() {
  const FRAME = sampleRate / 100
  /** Caller: the remote track's audio → 10 ms Int16 frames, posted to the page. */
  class CallerCapture extends AudioWorkletProcessor {
    frame = new Int16Array(FRAME)
    filled = 0
    process(inputs: Float32Array[][]) {
      const channel = inputs[0]?.[0]
      if (!channel) return true
      for (let i = 0; i < channel.length; i++) {
        const s = Math.max(-1, Math.min(1, channel[i]!))
        this.frame[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff
        if (this.filled === FRAME) {
          this.port.postMessage(this.frame, [this.frame.buffer])
          this.frame = new Int16Array(FRAME)
          this.filled = 0
        }
      }
      return true
    }
  }
  /**
   * Agent: 10 ms Int16 frames from main → the output, after 30 ms of buffer. A burst (main's
   * pacer catching up after a stall) is cut back to 40 ms, so the agent never lags further
   * behind main (what a barge-in clears there stops here within that).
   */
  class AgentPlayout extends AudioWorkletProcessor {
    queue: Int16Array[] = []
    offset = 0
    playing = false
    constructor() {
      super()
      this.port.onmessage = (event: MessageEvent<Int16Array>) => {
        this.queue.push(event.data)
        if (this.queue.length > 10) this.queue.splice(0, this.queue.length - 4)
      }
    }
    process(_inputs: Float32Array[][], outputs: Float32Array[][]) {
      const out = outputs[0]?.[0]
      if (!out) return true
      if (!this.playing && this.queue.length >= 3) this.playing = true
      for (let i = 0; i < out.length; i++) {
        const frame = this.playing ? this.queue[0] : undefined
        if (!frame) {
          this.playing = false
          out[i] = 0
          continue
        }
        out[i] = frame[this.offset++]! / 0x8000
        if (this.offset === frame.length) {
          this.queue.shift()
          this.offset = 0
        }
      }
      return true
    }
  }
  registerProcessor('caller-capture', CallerCapture)
  registerProcessor('agent-playout', AgentPlayout)
}

/** A blob: URL of the processors' module, for `audioWorklet.addModule`. */
export function peerWorkletUrl(): string {
  const source = `(${registerPeerProcessors.toString()})()`
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
}
